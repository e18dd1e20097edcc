"""Every tunable of geo in one place: defaults, thresholds and tolerances (sections by concern)."""

# --- bundled reference data and districts

# The district built when neither --district-code nor --districts is given: 天桥区, Jinan.
DEFAULT_DISTRICT_CODE = "370105"

# A report "does not fit" the district when at least FOREIGN_MENTIONS_MIN named projects
# mention only places outside it, and they are more than FOREIGN_MENTIONS_SHARE of the
# projects whose names mention any place (see geo.places).
FOREIGN_MENTIONS_MIN = 3
FOREIGN_MENTIONS_SHARE = 0.5

# A place name held by this many counties or more (城关镇, 新华街道, 城区) says nothing
# about where a project is, so it never counts as a mention of a place outside.
AMBIGUOUS_PLACE_COUNTIES = 3
