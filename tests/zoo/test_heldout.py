"""The held-out portals (tests/zoo/heldout.py) in ``make test``: crawling them takes about
two minutes on the shared 2-core machines (``make zoo-heldout`` does), so here every page is
parsed in-process by the generic parsers, as the generic spider would, and scored by the
zoo's own scoring: every listed article with its exact title, date, author and view count,
no boilerplate line left, no article line lost."""

from __future__ import annotations

import pytest

from .heldout import HELDOUT_PLATFORMS, HELDOUT_VARIANTS
from .run import parse_in_process, score
from .variants import build_zoo, random_variants


@pytest.fixture(scope="module")
def heldout_zoo():
    return build_zoo(["-"], HELDOUT_VARIANTS)


def test_heldout_set_is_eight_platforms_each_plain_and_perturbed():
    assert len(HELDOUT_PLATFORMS) >= 8
    assert {v.platform for v in HELDOUT_VARIANTS} == set(HELDOUT_PLATFORMS)
    assert len({v.host for v in HELDOUT_VARIANTS}) == len(HELDOUT_VARIANTS)


@pytest.mark.parametrize("name", [v.name for v in HELDOUT_VARIANTS])
def test_heldout_portal_parses_with_exact_fields(heldout_zoo, name):
    variant = next(v for v in heldout_zoo.variants if v.name == name)
    result = score(parse_in_process(variant, heldout_zoo), heldout_zoo)
    if result.problems:
        pytest.fail("\n".join([f"{name} (generic parsers):", *result.problems[:40]]), False)


def test_random_draws_on_heldout_platforms_parse_with_exact_fields():
    """Every perturbation drawn at random (seeded) on the held-out platforms: combinations
    nobody looked at when the rules were fixed for them."""
    zoo = build_zoo(["-"], random_variants(24, 2026, HELDOUT_PLATFORMS))
    failed = {}
    for variant in zoo.variants:
        result = score(parse_in_process(variant, zoo), zoo)
        if result.problems:
            failed[variant.name] = result.problems[:5]
    assert not failed, failed
