"""Project commands (COMMANDS_MODULE): scrapy reparse, export, schedule, health."""
