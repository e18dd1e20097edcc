"""Settings: the map fallback follows the bundled district, tile providers resolve, the default district."""

import pytest

from geo import data, settings


def test_fallback_map_bounds_are_the_default_districts_outline():
    outline = data.load_district_outline()
    x0, y0, x1, y1 = outline.total_bounds
    (south, west), (north, east) = settings.fallback_map_bounds()
    assert (south, west, north, east) == pytest.approx((y0, x0, y1, x1), abs=1e-5)
    # Another bundled district (历下区) gives its own bounds.
    assert settings.fallback_map_bounds("370102") != settings.fallback_map_bounds()


@pytest.mark.parametrize("basemap", sorted(settings.TILE_PROVIDERS))
def test_tile_providers_resolve_to_xyzservices_providers(basemap):
    import xyzservices

    provider = settings.tile_provider(basemap)
    assert isinstance(provider, xyzservices.TileProvider)
    assert "{z}" in provider.build_url() and provider.html_attribution


def test_default_district_lives_in_settings_and_data_re_exports_it():
    assert data.DEFAULT_DISTRICT_CODE == settings.DEFAULT_DISTRICT_CODE
    assert data.load_district_outline()["code"].iloc[0] == settings.DEFAULT_DISTRICT_CODE
