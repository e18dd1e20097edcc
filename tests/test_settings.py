"""Settings: tile providers resolve, the default district is bundled."""

import pytest

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
