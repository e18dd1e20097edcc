"""Settings: tile providers resolve, the default district is bundled."""

import pytest

from extract_cases import comparisons_in
from geo import data, settings


@pytest.mark.parametrize("basemap", sorted(settings.TILE_PROVIDERS))
def test_tile_providers_resolve_to_xyzservices_providers(basemap):
    import xyzservices

    provider = settings.tile_provider(basemap)
    assert isinstance(provider, xyzservices.TileProvider)
    assert "{z}" in provider.build_url() and provider.html_attribution


def test_default_district_lives_in_settings_and_data_re_exports_it():
    assert data.DEFAULT_DISTRICT_CODE == settings.DEFAULT_DISTRICT_CODE
    assert data.load_district_outline()["code"].iloc[0] == settings.DEFAULT_DISTRICT_CODE


def test_the_categories_asked_of_each_record_are_told_by_one_hash_look_up():
    # (counted_lists asks COUNTED_LIST_CATEGORIES of every unnamed group, extents and the extension gate
    # CLASSED_WORKS_CATEGORIES of most mentions: 47k and 52k times in 1 MB)
    for categories in (settings.COUNTED_LIST_CATEGORIES, settings.CLASSED_WORKS_CATEGORIES):
        assert comparisons_in("road_new", categories) == (False, [])
        assert comparisons_in("transport", categories) == (True, ["transport"])
