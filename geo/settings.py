"""Every tunable in one place: tolerances in metres, accuracies, display precision, tile providers, default district.

Distances are metres on the ground. Code that needs them in another unit converts
them at the data's own position (in the metric CRS chosen for the district, see
:func:`geo.crs.metric_crs_for`), never with a degree length taken at one latitude.
Importing this module is free: it holds plain values, and its function imports what
it needs when called. Settings can be changed at run time (``geo.settings.X = ...``).
"""

from __future__ import annotations

# --- geocoding tolerances (metres)

# A gazetteer match farther than this from the district outline is a namesake elsewhere
# (every city has a 北园路), not our project; OSM features beyond it are not even loaded.
NEAR_DISTRICT_M = 1000.0

# An OSM extract's features lying wholly farther than this beyond the district's bounding box
# are not read at all (a province's or the country's extract then reads in minutes, in bounded
# memory); those within it but beyond NEAR_DISTRICT_M are kept aside only to tell a project's
# reason where OSM has its name ("lies 12.3 km outside the district").
OSM_READ_BEYOND_M = 50_000.0

# Two roads named at a crossing (X路与Y路交叉口) whose lines do not cross but come this
# close meet there: a T-junction drawn a little short, or two carriageways' offsets.
INTERSECTION_GAP_M = 100.0

# Crossing roads at a shallow angle place their crossing badly: a sideways error e of
# one line moves the crossing by e / sin(angle). Below this sine (15 degrees) the
# factor stops growing; such pairs are rare and their accuracy is already large.
INTERSECTION_MIN_SINE = 0.26

# Crossing points of the same two roads closer than this are one junction (a dual
# carriageway crossing another gives four points tens of metres apart); farther
# apart, the roads cross at several places and the report does not say which.
JUNCTION_SPREAD_M = 150.0

# A corner or side of a crossing (X路与Y路交叉口东北角, …路口西南侧地块) is a site this far from where the roads
# cross, toward that corner (a corner lot's middle; not surveyed): the spot is put there and its accuracy grows by
# as much (geo.junction_corners).
JUNCTION_CORNER_M = 60.0

# A site given by a distance and a direction from a crossing or a landmark (白石路与青山路交叉口往东200米,
# 青山公园北侧约300米, 距县政府东南1.5公里: geo.relative_places). A stated distance is a round figure: the true one
# may be this share more or less. A compass direction (东, 东南) spans this many degrees either way (eight points).
# A landmark's offset under this many metres is not moved at all (its own place stands).
RELATIVE_DISTANCE_SHARE = 0.2
RELATIVE_DIRECTION_HALF_ANGLE_DEG = 22.5
# From a crossing, a direction within this many degrees of one of its roads' arms is taken along that arm (往东200米
# along the road running east), the spread the distance's share alone.
RELATIVE_ALONG_ROAD_DEG = 45.0
# A site a distance off a road or a river, where along it not given (白石路以东200米, 沿河路南侧约150米): the line moved
# square to itself that far, where its side faces within this many degrees of the direction (a road running east-west
# has no east side), sampled at this many points along its length (geo.relative_places.off_line).
RELATIVE_ROAD_SIDE_DEG = 45.0
RELATIVE_ROAD_SAMPLES = 400
# A site on a side of two roads (滨河路以北、青山路以西): with three or four roads, the block they bound; with two,
# the corner of their crossing on those sides, JUNCTION_CORNER_M from it as a corner lot (geo.relative_places).
# A section ended by a landmark, not a road (白石路（青山公园至火车站段）): the landmark within this many metres of the
# road cuts it at the road's point nearest it, spread that gap plus the landmark's accuracy (geo.sections).
SECTION_LANDMARK_M = 300.0

# A cross street this close to a road bounds a section of it (X至Y段, X—Y段); farther,
# it does not meet the road and the section is not cut.
SECTION_CROSS_STREET_M = 50.0

# A section named after the district or a 街道 (天桥段) is the road's part within it, cut
# exactly where the road crosses the boundary. A road that runs along the boundary (drawn a
# few metres either side of it) is the part within the area widened by this much: when the
# exact cut keeps less than PLACE_SECTION_EXACT_SHARE of that part (less the widening at
# both ends), the road follows the edge and the widened cut is used, not slivers.
PLACE_SECTION_EDGE_M = 100.0
PLACE_SECTION_EXACT_SHARE = 0.8

# 北段 or 南段 of a road whose north-south extent is less than this share of its length
# (it runs east-west; 东段/西段 alike across a north-south road) names no half of it:
# the whole road is used, approximate. 0.25 is a road within about 15 degrees of the axis.
SECTION_AXIS_MIN_SHARE = 0.25

# One-way OSM ways of one name running in opposite directions this close to each
# other are the two carriageways of one road, measured once along their centre line; any
# other way of the name running alongside a line so kept, this close (service carriageways,
# 辅道, mapped with the road's name; a second pair beside the first), counts only where it leaves it.
DUAL_CARRIAGEWAY_M = 60.0

# A station named after its line (地铁1号线王府庄站) is a station of that name lying this close
# to the line, when a source knows the line: a station node may stand 100-200 m off the track's
# centre line (an entrance, the concourse); one farther away is on another line.
STATION_OFF_LINE_M = 500.0

# Two rows of one gazetteer file with the same name this far apart are two places or a
# typo: geocoding uses the first and says so. In an OSM extract, places of one name this
# far apart make a project of that name ambiguous: it stays unlocated, with a warning.
DUPLICATE_NAME_APART_M = 1000.0

# Ways of one name in an OSM extract within this distance of one another (directly or
# through other such ways) are one road, their gaps kept as gaps: a bridge or tunnel under
# its own name (a Yellow River bridge is 1-2 km), a stretch not mapped. Farther apart they
# are namesakes, different roads (every city has several 长春路).
SAME_ROAD_GAP_M = 2500.0
# A place a source gives at a door number of a road (白石路10号: a list's address column, OSM's addr:* tags) lying
# within this of the road's line is on it: two of them bracket another number of the road (geo.door_spans).
DOOR_ON_ROAD_M = 150.0

# Rows of one gazetteer file that draw pieces of a line with the same name (a road
# centreline file has one row per segment) within SAME_ROAD_GAP_M of one another are one
# road, as OSM's ways are: joined into one entry, their gaps kept as gaps. Gaps up to this
# are seams; a wider one (a stretch left undrawn) widens the entry's accuracy_m by half of it.
ROAD_PIECE_GAP_M = 50.0

# Overlaps between official 街道 polygons, and gaps inside their union, larger than this
# (square metres) are reported; smaller ones are digitising noise.
OVERLAP_TOLERANCE_M2 = 100.0
# KML folders read as one layer of 街道 (Google Earth's, 奥维's) overlap by at most this share of the smaller's
# polygons; more is two levels (街道 and 村) or two versions, refused (geo/boundaries.py).
KML_FOLDERS_OVERLAP = 0.05
# A KML's folders read in one query of this many at most (geo/kml_once.py): SQLite allows 500 SELECTs in one UNION.
KML_LAYERS_PER_QUERY = 400
# The --name-field/--code-field hint of a districts file (geo/district_fields.py) looks at this many features of
# a layer, and at this many files of a folder of a file per 街道 (or folders of a KML).
FIELD_HINT_FEATURES = 200
FIELD_HINT_PARTS = 50
# A feature of a --districts file holding two or more of its other 街道, each at least this share
# of it inside, together half of it, is the district itself (or a zone over them) and is left out.
DISTRICTS_PARENT_INSIDE_MIN = 0.5

# A gap between official 街道 narrower than twice this (metres) is a gap even where it opens to
# the district's edge (a 街道 drawn a few metres short of its neighbours), not only where it is a
# hole in their union: the union closed by this distance shows it.
GAP_CLOSING_M = 5.0

# Official 街道 (--districts) of a known district of which less than this share of the
# area lies inside the bundled outline (simplified, about 100 m off) are misplaced: a
# wrong CRS or datum, or another district's file. It is a warning, not an error...
OUTLINE_OVERLAP_MIN = 0.5
# A CAD drawing's polyline whose ends lie this close (metres) is closed: a 街道 boundary
# (geo.cad), as a draughtsman snapping its last point to its first leaves it.
CAD_CLOSE_TOLERANCE_M = 1.0
# Arcs of curved boundaries (ArcGIS's and a GeoPackage's CircularString, CurvePolygon, MultiSurface)
# are read as straight segments departing at most this many metres from the arc, for
# arcs of radius up to CURVE_RADIUS_M (a ring road's bend; a smaller arc departs less). GDAL's own
# vertex every 4° departs 1.8 m from an arc of 3 km radius: a point beside such a 街道 edge fell in
# its neighbour, and the 街道's area was short by the sliver.
CURVE_TOLERANCE_M = 0.05
CURVE_RADIUS_M = 5000.0
# Edges of official 街道 drawn in a projected CRS (a Gauss-Krüger zone) get a vertex at least
# every this many metres before they are turned into WGS-84, so that a long straight edge
# stays the line the file drew (undivided, a 20 km edge bends up to a few metres off it, and
# road km split at it move by as much).
PROJECTED_EDGE_STEP_M = 100.0

# ...unless none of them touches the outline and they lie farther than this from it (metres):
# a wrong Gauss-Krüger zone or false easting puts them tens to hundreds of kilometres away,
# where no project of the district could be joined. Then they are refused.
OUTLINE_FAR_M = 50_000.0

# Official 街道 drawn on a web map (Amap's GCJ-02, Baidu's BD-09) lie 0.1-1.5 km off their district's
# bundled outline, their shape kept. A point of their edge within DATUM_FIT_NEAR_M of the outline fits
# it (the simplified outlines are at most 166 m off); when at least DATUM_FIT_GAIN more of their edge
# fits read as GCJ-02 or BD-09 than as WGS-84, a warning names that datum (--districts-datum shifts
# them). Where GCJ-02 shifts less than about DATUM_FIT_NEAR_M (parts of the west), nothing tells.
DATUM_FIT_NEAR_M = 200.0
DATUM_FIT_GAIN = 0.25

# 街道 from an OpenStreetMap extract (--osm without --districts): the boundary=administrative
# areas of these admin_level values, China's township level (乡, 镇, 街道) being 8...
OSM_SUBDISTRICT_ADMIN_LEVELS = ("8",)
# The level of a county-level district's own boundary (区, 县): an extract without 街道 boundaries
# holding it is checked for a datum shift against the bundled outline by it.
OSM_DISTRICT_ADMIN_LEVELS = ("6",)
# ...of which at least this share of the area lies inside the district's outline (the rest are
# the next district's), clipped to the outline...
OSM_SUBDISTRICT_INSIDE_MIN = 0.5
# ...are the district's 街道 when together they cover at least this share of its outline (the
# bundled outlines are simplified, about 100 m off, so a full set need not cover all of it);
# fewer are not used.
OSM_SUBDISTRICT_COVER_MIN = 0.95
# The outline's edge slivers that no such boundary covers, nowhere wider than twice this (the
# bundled outline's own error, Hausdorff up to 166 m), go to the 街道 they border most; wider
# pieces (a 街道 OpenStreetMap lacks) stay in none.
OSM_EDGE_SLIVER_M = 200.0

# An OSM extract whose bounds (an XML file's <bounds>, as osmium extract, JOSM and the OSM website
# write them; a PBF's header box) cover less than this share of the district gets a warning: what
# lies beyond them is not in it, and a name it holds once may be borne elsewhere too.
OSM_EXTRACT_COVER_MIN = 0.98

# --- accuracy claimed for sources that state none (metres)

OSM_ACCURACY_M = 20.0  # typical OSM positional error in Chinese cities vs. survey
# A village's or neighbourhood's OSM node (place=village) marks its centre; its houses and
# lanes spread some hundreds of metres around it.
OSM_PLACE_ACCURACY_M = 300.0
USER_POINT_ACCURACY_M = 50.0  # a hand-collected coordinate in a user gazetteer
USER_LINE_ACCURACY_M = 100.0  # a hand-digitised line or area in a user gazetteer
# A user gazetteer's row that states no datum is taken as WGS-84; if it was Amap/Tencent
# (GCJ-02) or Baidu (BD-09), as most coordinates planners collect are, it is this far off
# at most: the accuracy it claims. Over the outlines of every county of the mainland GCJ-02
# lies 23-695 m from WGS-84 and BD-09 698-1,515 m (1,317 m in Jinan, 1,515 m in the north-east).
UNSTATED_DATUM_ACCURACY_M = 1600.0
NOMINATIM_DEFAULT_ACCURACY_M = 200.0  # a Nominatim answer without a bounding box

# A loose name match may be another place nearby: 青山东路 matched to 青山路 is another
# stretch of road, 青年小学 matched to 青年路实验小学 perhaps another school. Such a match
# claims at least this accuracy, by how loose it is.
# A building that no source knows, of a facility one does (雁塔区人民医院门诊楼), is placed at
# the facility ("building"): somewhere on its campus.
# "district": a name the report gives without the district's (第一人民医院 for 武侯区第一人民医院), which may
# mean another of its name; 区妇幼保健院 (the district's written 区) for 武侯区妇幼保健院 claims nothing more.
LOOSE_MATCH_ACCURACY_M = {"contained": 200.0, "abbreviation": 1000.0, "directional": 1000.0, "building": 200.0,
                          "district": 200.0}

# --- placing by hand (the panel of the projects map)

# The `source` of every row the map's panel writes into placed.csv. Geocoding gives a
# user-gazetteer row with this source priority over every other source of that name.
HAND_PLACED_SOURCE = "placed by hand on the map"
# The `source` of a placed.csv row that marks a project of the report as no project (a place
# named for context: 缓解XX路的交通压力), and of one that adds a project the report's text
# names and extraction missed (geo.hand_review).
HAND_REMOVED_SOURCE = "marked not a project on the map"
HAND_ADDED_SOURCE = "added by hand on the map"
# A click on a web map is good to a few screen pixels: a hand-placed row claims this
# many pixels at the zoom it was placed at (at Jinan 5 px is 2.4 m at zoom 18, 77 m at 13).
HAND_PLACED_ACCURACY_PX = 5

# --- online services

NOMINATIM_USER_AGENT = "geo-worksreport"
NOMINATIM_MIN_DELAY_S = 1.0  # Nominatim's usage policy: at most one request per second
NOMINATIM_TIMEOUT_S = 10

# --- measurement

# Relative slack when comparing a line's summed pieces with its whole length in the
# join: pieces cut in EPSG:4326 and measured after projection add up to the whole only
# to about 1e-10; an overlap below 0.1 mm per km is immaterial anyway.
JOIN_SUM_TOLERANCE = 1e-7

# A project's vertex this close to a 街道's edge lies on it: the 街道 is snapped to the project
# before the cut, and a point this close to a 街道 is in it. The same road and boundary stored
# by two programs differ by float noise (a .prj's metres turned into degrees, 7 or 10 decimals:
# micrometres to a centimetre), which otherwise split a road drawn along a boundary between its
# two 街道 at random and sent a point on a boundary or a corner to any of them.
JOIN_SNAP_M = 0.05

# A 街道 file's union is simplified by this much (Douglas-Peucker, topology kept) before the buffers
# that close the slivers between 街道 and round the district's outline: edges densified to a vertex
# every few centimetres (ArcGIS's Densify, arcs stroked finely, a GPS trace), their coordinates
# rounded to 7 decimals (a centimetre of jitter), made GEOS node each offset segment against
# hundreds of neighbours: 200,000 vertices took 15 s, a million ran out of 24 GB. Well below any
# gap or overlap the checks report (100 m²) and the outline's display precision.
BOUNDARY_SIMPLIFY_M = 0.05

# A piece of a line or an area in a 街道 smaller than this is no part of it (a road ending 20 cm
# into the next 街道, a clip's float residue): it showed there as '1 project, 0.000 km'. Half a
# metre is below the 0.001 km the outputs give; a project smaller than this whole keeps its pieces.
JOIN_MIN_PIECE_M = 0.5
JOIN_MIN_PIECE_M2 = 1.0

# A 街道 of more vertices than this is cut from a project's neighbourhood only (clipped to the
# project's box, widened, before the overlay): a whole 街道 of 300,000 vertices cost each (project,
# 街道) pair some 10 ms of GEOS overlay, the clip a millisecond. Below it the clip saves nothing.
JOIN_CLIP_VERTICES = 5000

# A line (the counted pieces of a line, merged) of more than JOIN_BUFFER_RUN vertices, on average closer
# than JOIN_BUFFER_SPACING_M, is buffered by the snap distance in runs of JOIN_BUFFER_RUN vertices, the
# buffers unioned (the same area): GEOS buffers a line folding back on itself within the distance in
# time growing as its vertices squared (a line zig-zagging 10 cm either side of an edge, a vertex every
# centimetre along it: the join of 3,000 vertices 30 s, 10,000 147 s; in runs, 0.8 s for 30,000).
# Roads and edges of ordinary files have vertices metres apart: buffered whole, as before.
JOIN_BUFFER_RUN = 100
JOIN_BUFFER_SPACING_M = 1.0

# The pieces a project's segments are cut to, in snap distances (5 m for JOIN_SNAP_M = 5 cm), for the
# boxes that find the zone-edge vertices and segments near it (geo.join_snap_runs.segment_boxes):
# fewer, longer pieces make boxes holding more of the edge.
JOIN_SEGMENT_PIECE = 100
# The segments of a detailed 街道's ring in each box of the tree that finds those near a project
# (geo.join_snap_runs.Edge): more make fewer boxes, each holding more segments to test one by one.
JOIN_EDGE_CHUNK = 64

# A table row giving both a wkt and lon/lat: the lon/lat must lie this close to the wkt's point
# (or to the box around its line or area; a label point need not be on a curved road); a row with
# two degree columns of one axis (lon and 经度): their values this close. Farther apart, the row is
# refused rather than one of them taken silently: one of the two was typed over.
TABLE_LONLAT_WKT_AGREE_M = 10.0

# --- display (maps)

# Display geometry is simplified at 1 m and rounded to 5 decimal degrees (at most
# 1.1 m): geocodes are good to tens of metres at best, and this keeps the maps small.
SIMPLIFY_TOLERANCE_M = 1.0
DISPLAY_PRECISION = 5

# Seconds a map waits for its first basemap tile before it says the tiles cannot be loaded: a tile
# server behind a firewall that drops the traffic never answers, so no tile fails either.
TILE_WAIT_S = 10.0

# A browser window narrower or shorter than this (CSS px: width, height) opens the maps with their layer
# list folded into its button (shown on hover or a tap): open, on an 800x600 screen it left the placing
# panel's list 60 px and covered the tile notice.
LAYER_LIST_OPEN_MIN_PX = (960, 600)
# A window narrower than this (CSS px) is a phone's: the maps open with their legend, and the projects map with
# its placing panel, folded to their titles (a tap opens them). Open, on a 375 px phone the coverage legend hid a
# third of the map, the 310 px panel covered the map and the legend covered the panel's list and buttons.
PHONE_WIDTH_PX = 640
# A window narrower than this (CSS px) opens the coverage map with its 街道 table folded to its title (a click opens
# it): open, in a 1280 px window the table (up to 640 px wide, at the bottom right) covered a third of the district.
COVERAGE_TABLE_OPEN_MIN_PX = 1600

# Basemap name -> xyzservices provider name (``xyzservices.providers.query_name``).
# Tianditu is not in xyzservices with its key parameter, so render builds its URL.
TILE_PROVIDERS = {"osm": "OpenStreetMap.Mapnik", "amap": "Gaode.Normal"}


def tile_provider(basemap: str):
    """The ``xyzservices.TileProvider`` of a basemap name in :data:`TILE_PROVIDERS`."""
    import xyzservices.providers as xyz

    return xyz.query_name(TILE_PROVIDERS[basemap])


# --- default district

DEFAULT_DISTRICT_CODE = "370105"  # 天桥区: its outline and 街道 are bundled (geo/data)
DEFAULT_DISTRICT_NAME = "天桥区"

# --- runs and outputs

# A second geo run on the same folder waits this long for the first to finish, then gives up.
LOCK_WAIT_S = 120.0
# A GDAL write (GeoPackage, Shapefile) that fails with this little space left on the output's
# disk failed for want of it: said so, naming the file (SQLite's own message names a table).
DISK_NEARLY_FULL_BYTES = 1_000_000
# A part of a zipped Office file (.docx, .xlsx) that says it unpacks to more than this many
# times its zipped size, plus this many bytes, is a zip bomb: refused unread (their XML unpacks
# to some ten times its zipped size).
ZIP_UNPACKED_FACTOR = 100
ZIP_UNPACKED_SLACK_BYTES = 10_000_000
# A workbook given as a table (a gazetteer .xlsx) whose parts unpack to more than this many times
# the size limit of a text table (--max-size) is refused unread: a sheet's XML takes some ten times
# its cells' text, as a Word file's does its text (geo.extract.encoding), and openpyxl reads about
# 3 MB of it a second.
WORKBOOK_XML_PER_TEXT = 10
# A PDF whose pages draw more content than this many times its size, plus this many bytes, is
# refused unread: reading a page's text walks its content (about 1 MB a second), and a few KB
# can draw one compressed content stream on thousands of pages, or a form thousands of times on
# one (a report's pages draw about as much as the file holds).
PDF_DRAWN_FACTOR = 10
PDF_DRAWN_SLACK_BYTES = 4_000_000
# Bytes of a Shapefile's .dbf (its header and whole records) read to tell the codec of its text
# (no .cpg, or one whose codec the records may not decode with): a country's buildings layer
# holds gigabytes.
DBF_SAMPLE_BYTES = 4_000_000
# A Shapefile's .prj read (geo.prj_text) for a CRS named in GBK up to this size; a larger one is no WKT: left to GDAL.
PRJ_MAX_BYTES = 1 << 16
# A .dbf's records are told Japanese (Shift-JIS) or Korean (EUC-KR) text, not GBK, only from this many
# two-byte characters on: fewer, a few rare Chinese characters (堃, 燚) may read as Japanese ones.
FOREIGN_DBF_LEAST_CHARACTERS = 6
# A KML document (or a KMZ's) of at most this many bytes holding a NetworkLink and no Placemark is
# refused as a link to features elsewhere (Google Earth fetches them; GDAL reads nothing); a larger
# one is left to GDAL (a NetworkLink-only file is a few hundred bytes).
KML_LINK_SNIFF_BYTES = 1_000_000
# Excel holds at most this many characters in a cell (a longer one in an .xlsx is "repaired"
# away; coverage.xlsx cuts its text to fit), and splits or cuts a longer CSV field:
# a CSV export's wkt of a longer geometry (a road merged from a real OSM extract) is written
# simplified, with the first of these tolerances (metres) that makes it fit, said in a
# wkt_simplified_m column (the GeoJSON, GeoPackage and Shapefile keep it whole).
EXCEL_CELL_MAX_CHARS = 32_767
CSV_WKT_SIMPLIFY_M = (0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0)
# A record's quote is its sentence; of a sentence longer than this (a flattened table, a page
# without full stops), the clauses around the record that fit in this many characters, with …
# where it is cut.
QUOTE_MAX_CHARS = 400
# A name that opens a quote and ends right before its closing mark keeps the mark (青山县“白石书屋”)
# when at least this many characters come before the opening one: one is a verb (做“为民桥”), no place.
QUOTE_CLOSED_MIN_BEFORE = 2
# Reports larger than this are refused. None: the GEO_MAX_REPORT_MB environment variable,
# else DEFAULT_MAX_REPORT_MB; --max-size sets it for one command.
MAX_REPORT_MB = None
# Seconds a report given as a named pipe (FIFO) is waited for when no program has it open to write
# (one started just before geo, still on its way to open it); then it is refused, not waited for ever.
FIFO_WRITER_WAIT_S = 2.0
DEFAULT_MAX_REPORT_MB = 50.0
# Progress bars (on stderr, only on a terminal) for inputs over this size or this many items.
PROGRESS = True
PROGRESS_MIN_BYTES = 5_000_000
PROGRESS_MIN_ITEMS = 2_000

# --- bundled reference data and districts

# A report "does not fit" the district when at least FOREIGN_MENTIONS_MIN named projects
# mention only places outside it, and they are more than FOREIGN_MENTIONS_SHARE of the
# projects whose names mention any place (see geo.places).
FOREIGN_MENTIONS_MIN = 3
FOREIGN_MENTIONS_SHARE = 0.5

# A place name held by this many counties or more (城关镇, 新华街道, 城区) says nothing
# about where a project is, so it never counts as a mention of a place outside.
AMBIGUOUS_PLACE_COUNTIES = 3

# A warning or error line on the terminal cuts a run of characters without a space longer than this
# (a 10,000-character name of a hand-edited file would fill a screen in each message naming it).
TERMINAL_RUN_CHARS = 200

# --- extraction

# How many words of a kind (综合, 生态, 文化) may stand between a place's name and the action of its
# works for the name to end there (青山河文化生态综合治理工程 -> 青山河; geo.extract.extents).
CLASSED_WORKS_MAX_MODIFIERS = 3
# The categories whose names end so: water, and facilities whose works a report words with a kind
# (白石客运站综合提升改造工程); a road or a hospital before 标准建设, 提升改造 names the standard or a part
# as often as the place (按三甲医院), a village a counted 中心村, an area its works (沿岸区域综合提升).
# (a set: asked of most mentions)
CLASSED_WORKS_CATEGORIES = frozenset({"water", "culture", "transport", "commercial", "welfare", "sanitation", "sports",
                                      "market"})
# A facility named by the people it serves (老年人活动中心, 儿童公园) keeps at most this many characters
# of its stem after them when it is read as a kind in a list typed as a class of facilities
# (geo.extract.described.kinds_of_facility).
SERVED_STEM_REST = 2
# The shortest name before a water type of its kind (白河幸福河湖, 干沟黑臭水体): two characters (a
# river's one-character stem and head); other types want three (geo.extract.records).
NAME_BEFORE_WATER_TYPE_MIN = 2
# A road network after a named zone or school (青山新区路网, 白石小学配套路网: geo.extract.record_rules): the
# fewest characters of the place's own name before its head, and how far back its name is looked for
# before a word linking it to the network (青山工业园|规划|路网).
NETWORK_PLACE_MIN_STEM = 2
NETWORK_PLACE_REACH = 12
# The categories of a counted group whose named members are context in a sentence that says no works
# (长江、清江、渔洋河三条河流流经其境内: the rivers a place has; geo.extract.lists.described_members).
DESCRIBED_GROUP_CATEGORIES = ("water",)

# A count of places read before their type when no mention reads it (counted_places: 13个村饮水除氟):
# the characters of modifiers allowed between the count and the type, and how far the works of
# its clause are looked for before the count or after the type (a clause of thousands stays linear).
COUNTED_PLACE_STEM = 6
COUNTED_PLACE_REACH = 40
# Records looked back through (latest first) for the group a clause's bare count with the state of
# its works counts (31个老旧小区正在施工,还有80个正在开展…: elided.py); bounded to stay linear.
STATE_COUNT_LOOKBACK = 8
# Characters of a device's word after a count (196个小区4507套|路灯: the count counts the lamps, not the places).
DEVICE_WORD = 4

# The characters a works noun may run between a count and its works word (30个城市更新品质提升和公共服务设施
# 提升项目: counts.counted_works).
COUNTED_WORKS_NOUN = 20
# Characters before a route's first end (青山至|白石路) within which a named record of the sentence
# starting there and running to the road's end covers the whole route (滨江西路至长江二桥 over 长江二桥):
# a constant number of look-ups per road, so a sentence of thousands of routes stays linear.
ROUTE_COVER_REACH = 6
# The characters of a place written before the side of it along which a named project lies
# (西支河|两岸|堤顶路, 城区一河|两岸|沿河路): the project is named by both (geo.extract.prefixes.named_along_side).
PLACE_BEFORE_SIDE = (2, 8)

# Villages listed alike share the record model's score (geo.extract.peers); the characters looked
# through either side of a pair for what makes the list no peers (a coverage verb before it, a
# count of villages or of other things after it), within its clause.
LISTED_PEERS_REACH = 40
# An estate listed before a housing or renewal type is kept over the record model
# (geo.extract.listed_estates): at most this many other items between it and the type, each of at
# most this many characters (青山花园、新亭尾、白石良茂3个老旧小区).
LISTED_ESTATE_ITEMS = 6
LISTED_ESTATE_ITEM_CHARS = 12
# ... and the type at most this many characters between its housing word and its kind of building
# (老旧物业小区: geo.lexicon.LISTED_HOUSING_WORDS, LISTED_HOUSING_BUILDINGS).
LISTED_ESTATE_TYPE_INFIX_CHARS = 2
# A name the text also writes with its jurisdiction cut short (屏县… beside 屏东县…) is the same project
# (geo.extract.features): the owner's name before 县/市/区 is at most this long, and the rest from the
# suffix on at least this long.
MAX_JURISDICTION_OWNER = 4
SHORT_JURISDICTION_MIN_REST = 6
# A road named bare and with its extent in brackets (geo.extract.extent_brackets): the two forms are
# counted in the text for at most this many roads of a report (each count reads the whole text; the
# roads after them are left alone, so the time stays linear).
MAX_COUNTED_EXTENTS = 8
# A building named after a school is the school's (A小学新建宿舍楼, geo.extract.features): its name at most this
# long (教学综合楼), the works verb between them at most this long (改扩建).
MAX_SCHOOL_BUILDING = 5
MAX_SCHOOL_BUILDING_VERB = 4
# The categories whose named records listed alike are peers, sharing the record model's score and put
# back with a peer the tagger keeps (geo.extract.joined.rejoined).
PEER_CATEGORIES = ("village", "water")
# The characters before its head a body of water needs to be a peer (长江 of one is no peer of its list).
PEER_WATER_MIN_STEM = 2
# Characters a list item before the word joining its last item (和, 及, 与) may take on average, when a
# count after the list is checked against its items (A、B和C3所小学: geo.extract.head_mentions); a
# clause of thousands of characters stays linear.
JOINED_ITEM_REACH = 12
# Bare items listed before one named bare and the last item of a list (青石、白马、红枫工业园:
# geo.extract.bare_items): how many are looked at.
BARE_LIST_MAX_ITEMS = 6
# A list whose items number the count of the type closing it names them (青山花园、红水堡、白石湾3个老旧小区:
# geo.extract.counted_lists): the groups' categories it is asked of (a set: asked of every record), the most items,
# an item's most characters.
COUNTED_LIST_CATEGORIES = frozenset({"area", "commercial", "market", "culture", "welfare", "sports", "park", "health",
                                     "school", "transport"})
COUNTED_LIST_MAX_ITEMS = 6
COUNTED_LIST_ITEM_CHARS = 12

# A facility named after the one it belongs to (江苏省人民医院|重庆医院, 福建中医药大学附属康复医院|
# 长乐康复医疗中心): its whole name, the parent's included, may hold this many characters before
# its head (a stem alone holds at most MAX_STEM).
PARENT_NAMED_MAX_STEM = 24
# The fewest characters of its own between the parent's head and the facility's (重庆 of 重庆医院).
PARENT_NAMED_OWN_MIN = 2
# The categories of institutions that name a branch after themselves (a hospital's, a university's).
PARENT_NAMED_CATEGORIES = ("health", "school")

# A generic works title before a place alone in brackets (实施供水管网改造工程(白石路)): the characters
# looked back from the bracket for the title's start (geo/extract/titled_brackets.py).
WORKS_TITLE_MAX_CHARS = 24

# A road named with a jurisdiction before it (青山县白石路) is named bare when the report names the rest alone
# too: the characters the rest holds at the least (白石路; geo/extract/bare_roads.py).
BARE_ROAD_MIN_CHARS = 3
# Other categories named bare so (青山县白石河 beside 白石河: a river, a lake), and how many jurisdictions may
# open the name (青山市青松县白石河: two).
BARE_NAME_CATEGORIES = ("water",)
BARE_NAME_MAX_LEVELS = 2
# A route's first end after an address (吴屯乡|加油站至瑞岩寺生态公路): the characters, fewest and most, of the
# place's name before the address's suffix that the first end takes in (geo/extract/routes.py).
ROUTE_ADDRESS_NAME_CHARS = (2, 4)
# Characters looked back from a counted group's count for counts listed before it that share its noun,
# each a count and a qualifier alone (建设1个220千伏和4个110千伏输变电工程: shared_counts.py).
SHARED_COUNT_LOOKBACK = 20
# ... and a count is no such count when a named record overlaps it: the named records looked at are this many,
# of those starting before the count's end (a named record spans few others).
SHARED_COUNT_NAMED_BEFORE = 8
# A works title written right after an attributive 的 (投资2.7亿元的白石园区排水工程) is named whole when the
# tagger is at least this sure of it (geo/extract/attributed_titles.py).
ATTRIBUTED_TITLE_CONFIDENCE = 0.9

# Places read as context, no works (geo.extract.context): the characters looked through, each bounded so that a
# list of thousands of items stays linear.
FORMING_LIST_REACH = 40  # back from a place to the 组建 whose list it is in (组建A村、B村共9支消防队)
COURSE_VIA_REACH = 40  # back from a place to the 经 of the course it lies on (起于A路,经B镇、C乡至D)
RELIANCE_REACH = 40  # back from a place to the verb of reliance whose list it is in (依托A老街、B花园,搭建…)
LIST_REST_REACH = 120  # after a name the tagger adds, for the rest of its list and the type closing it
COPULA_LIST_REACH = 40  # from 是 (为) to a place listed after it (是A高铁和B高铁的客运站)
GOVERNS_REACH = 60  # back from a list to the 辖 that opens it (青山乡下辖东风、新市等12个行政村)
CONTEXT_CLAUSE_REACH = 80  # back from a place for the context verb (惠及A小学、B中学) or the 编制 of its clause
PLANNED_LIST_REACH = 80  # after a place for the plan compiled for its list (A村、B村等8个村已编制完成)
PRECEDENTS_REACH = 40  # back from a place to the 继 opening its list (继A隧道、B隧道之后)
EXISTING_LIST_REACH = 40  # back from a road to the 现有的 opening its list (与现有的A高速、B高速)
COVERED_LIST_REACH = 40  # back from a bare place to the verb of service opening its list (覆盖A、B、C5个村)
# Kinds written bare (no name before the head) a list after a verb of parts must hold to declare them a project's
# parts (包括体育场、体育馆及档案馆: geo.extract.declared_parts); one kind alone may be a project listed so.
DECLARED_PARTS_MIN = 2

# Places visited (geo.extract.visits): the characters from a visited place to the 等 of the works sites its list
# ends with (来到A、B等重点工程现场), and on either side of an estate visited for words of renewal (改造, 老旧).
VISITED_LIST_REACH = 80
ESTATE_RENEWAL_REACH = 150

# Characters before a route's head (道路, 公路) in which 至 joins its two ends (青山至白石公路: geo.extract.extents).
ROUTE_JOINT_REACH = 10

# How far after a name its works are looked for before its budget (白石村排水沟改善|经费约需240万元:
# geo.extract.statistical), in characters.
BUDGET_WORKS_REACH = 8

# Brackets and title marks (geo.extract.brackets): the printed characters from a range's bracket to a name inside it,
# and on to its close (青山路(A至B段)); the characters from a bracket or a title's 《 to a place inside it (养老服务中心
# (覆盖A、B社区), 《A片区建设方案》); a generic zone's characters before brackets (中心城区(三沟片区)).
RANGE_BRACKET_REACH = 24
BRACKETED_PLACE_REACH = 24
GENERIC_ZONE_MAX_CHARS = 5
# Mentions at heads (geo.extract.head_mentions): the characters of name a title line holds at least before a stop
# word that is the name's (白石镇新村|搬迁安置点道路); an area's first end at most (with its district: 安州区河东—科技城
# 片区); a list item before the 的 of a counted generic type at most (A、B村的3个村).
TITLE_NAME_MIN_BEFORE_STOP = 3
SPAN_END_STEM = 6
LISTED_ITEM_BEFORE_DE_REACH = 12

# A name alone on its line (geo.extract.line_forms): how far its line's start and end are looked for from it (more
# than the longest of the forms a line may hold around it: a number, brackets, 项目建设), and how far a title line's
# start before its head (a long item title: 青山县白石镇安置点道路).
LINE_START_REACH = 16
LINE_END_REACH = 32
TITLE_LINE_REACH = 24
# A quoted works title (geo.extract.line_forms.quoted_title_start): how far before a name its opening quote is
# looked for (a long title: 「民雄头桥都市计画特II道路衔接十三号及十三之二号道路工程」).
QUOTED_TITLE_REACH = 32

# A 、-list of generic kinds before a network (供水、燃气、消防管网: geo.extract.lists.kind_after_kinds): a kind's
# characters at most (燃气, 再生水), and the kinds looked back over.
NETWORK_KIND_MAX_CHARS = 3
NETWORK_KIND_LIST_MAX = 6

# Lists closed by 等 (geo.extract.listed_counts): the characters of a list of types before 等 (公厕、垃圾转运站、溶盐池),
# the items of a list closed by a count of projects at most (A、B、C等4个项目), and the characters such an item may take
# on average (a clause of thousands stays linear).
MAX_LISTED_TYPES = 40
MAX_LISTED_PROJECTS = 30
LISTED_PROJECT_ITEM_REACH = 60
# Names the tagger adds (geo.extract.added_names): the characters of a name without a head (宝马, 王家咀); the sections
# and extensions its head may stand behind (国道324线|周宁段|(青山段): more is no name but a clause of them, which would be
# looked behind without end); how far after a name the roads enclosing a site with it are looked for (a few names of
# roads: a clause of thousands of listed names reads no stretch of them per name), and the 等 closing its list.
HEADLESS_MAX = 6
MAX_NESTED_SECTIONS = 4
ENCLOSURE_REACH = 80
LISTED_NAME_REACH = 40

# More reaches of the extraction rules, in characters (each bounded, so that a clause of thousands stays linear):
CROSSING_LIST_REACH = 40  # back from a place to the verb of crossing its list follows (横跨|青山河、白石河: extract.crossed)
ASIDE_COUNT_REACH = 12  # back from an aside in brackets to the count opening its noun (179处(含新增2处)入河排污口)
SIZED_ACTION_REACH = 40  # back from a count of things with their size for its works (extract.sized_counts)
ROUTE_HEADER_REACH = 16  # before a clause's end for the header of a list of routes (县乡公路改造项目5个: extract.listed_routes)
ROUTE_ITEM_MAX_CHARS = 24  # a listed route named by its two ends at most (A村至B镇: extract.listed_routes)
STRETCH_END_MAX_CHARS = 8  # each end of a stretch A至B路段 at most (茂源北辰至侗寨路段: extract.joined_stretches)
STRETCH_ACTION_REACH = 16  # after a stretch A至B路段 for the works said of it (进行雨污分流改造: extract.joined_stretches)
STRETCH_OVERLAP_REACH = 64  # before a stretch for a named record overlapping it (no name is longer: extract.joined_stretches)
COUNTED_ROAD_GAP = 12  # before a counted road word, where its count may be (extract.mentions)
COUNT_DESCRIPTION_MAX_CHARS = 20  # a description ending in 的 between a count and its noun (extract.head_words)
# A type word in apposition (青山村白石路: one-character heads are names' own), its characters fewest and most, and the
# characters from an ordinal counting what it says (第六座, 首个) to its end (geo.extract.apposition).
APPOSITION_TYPE_MIN = 2
APPOSITION_TYPE_MAX = 4
APPOSITION_ORDINAL_REACH = 12
# The most characters an autonomous jurisdiction's full name takes (积石山保安族东乡族撒拉族自治县: extract.prefixes).
AUTONOMY_NAME_MAX_CHARS = 15

# Partners and places strung together (geo.extract.partners): the characters past a noun that the words read after a
# type may reach (the longest is 7); before a clause's end that a list's type and its verb of stringing may take (等景点
# 串联); of the list strung together, back from its end (将沿线A风景区、B寺、C湖等景点串联).
PARTNER_WORD_REACH = 16
STRUNG_REACH = 16
STRUNG_LIST_REACH = 200

# The rules' stem lengths and list limits (used across geo.extract), in characters unless said otherwise.
# Stem lengths: road names are short (二环北路); a part of a named institution carries the
# institution's whole name (天津师范大学附属实验小学梅江校区); a headless name before a phase
# (宽厚里二期) is short.
MAX_STEM = 12
MAX_ROAD_STEM = 8
MAX_SUBUNIT_STEM = 16
PHASE_MAX_STEM = 8
# A road named by its two ends before its length alone (胡家湾至余家峡1.5公里): the most Han characters
# of its second end looked through for the length.
ROUTE_LENGTH_REACH = 10
# Items of one list that share its works: a list of thousands (a crafted text) is cut into lists of
# this many, so that the rules that look along a list stay linear in the text.
MAX_CHAIN = 400
# Routes written as their two ends (A至B) that a route with an intercity head after them may share
# it with (南丹至天峨、平塘至天峨、天峨经凤山至巴马高速公路): each such route looks back over this many
# list items at most, so that a clause listing thousands of routes stays linear in the text.
MAX_ROUTE_LIST = 8
# Characters after a counted type within which a bracket listing its members must close
# (新建2条道路(发展大道、产业大道)).
MAX_BRACKETED_LIST = 60
# Unnamed items in a row that a list may hold between two named places of one kind for them to be
# named as such (万达广场、明发世贸、爱琴海综合体; geo.extract.sandwiched).
MAX_SANDWICHED = 3
# Items of a list of routes after a header of road projects (县乡公路改造项目5个,即A到B、C至D) that it may
# hold for each to be named as a road (geo.extract.listed_routes): a longer list is left alone.
MAX_LISTED_ROUTES = 12
# Characters before such a list looked through for the same route written with its other join (A到B for
# A至B): named there already, the item is not named again.
ROUTE_ECHO_REACH = 600
# The longest site (place and side word, 青峰路四号洞南侧) a small park type's sentence names a park by
# (geo.extract.sited_parks), and the fewest characters of its place before the side word.
MAX_PARK_SITE = 16
MIN_PARK_SITE_PLACE = 3
# The shortest and longest landmark without a head named in a list before its works (青峰山、白石塔绿化改造工程:
# geo.extract.listed_landmarks), and the characters before an item looked through for the verb opening the list.
MIN_LANDMARK, MAX_LANDMARK = 3, 6
LANDMARK_VERB_REACH = 4
# The most items such a list is read back through (a longer one is left alone).
MAX_LANDMARK_ITEMS = 8
MAX_LOCATED_HEAD = 4  # characters of a head after a place and its side (两岸风光带, 两侧安置房)
MAX_ADVERBS = 3  # adverbs between a name and its works (正 加快 推进, 已 全面 完成)
ATTRIBUTIVE_MAX = 10  # characters of a place's attribute before 的 (东联镇境内的纵八路) looked through for its verb
MAX_COUNTED_STEM = 6  # characters between a count and the head it counts (43个村卫生室: 村)
MAX_PART = 4  # characters of a part of counted places before works on it (43个村卫生室网络建设: 网络)
# Characters either side of a 经 looked through for a route's ends (起于, 止于: extract.patterns.on_a_route_described).
ROUTE_ENDS_REACH = 100

# Counts (geo.extract.counts): the characters back from a comma through which the counted item before it is read,
# and the items of a counted list before it looked back over for the works verb opening the list (新建日光温室1500亩、
# 冷库6个: 冷库 is built too).
COUNTED_LIST_ITEM_REACH = 40
COUNTED_LIST_VERB_ITEMS = 4
# What may stand before a count opening a clause (贺兰县一季度|28个…), in characters.
COUNTED_SUBJECT_PREFIX = 6
# Characters back from a count to the 其中 that opens a breakdown, and from a share's count to the stock that 其中
# breaks down (现有文保单位52处,其中…,A、B等15处: counts.stock_counted).
COUNT_BREAKDOWN_REACH = 40
STOCK_REACH = 160
# A slogan of counted types (一河两坝六桥): its characters at most, and the characters back from it looked through
# for its works (a sentence of thousands stays linear).
SLOGAN_MAX_CHARS = 8
SLOGAN_ACTION_REACH = 40

# Text read into clauses (geo.extract.segment): a counted village list grouped by township (A镇B、C,D镇E等35个村)
# is read over at most this many groups back from its count, each group's opening mark looked for at most this
# many characters back (a list of thousands stays linear).
VILLAGE_LIST_MAX_GROUPS = 8
VILLAGE_LIST_GROUP_REACH = 80
# The lines a wrapped line is followed past at a page's foot and the next page's head (page numbers, blanks).
PAGE_BREAK_MAX_LINES = 6
# A page's links to other pieces (推荐阅读:, 相关新闻): the characters of the heading's line, marks included, and of
# a headline under it at most.
LINKS_HEADING_MAX_CHARS = 12
LINKS_HEADLINE_MAX_CHARS = 40
# A page's trail of sections (当前位置: 首页 > 新闻) is looked for in this many characters from its top; the short
# lines above it, at most this long (bullet left out), are the site's menus.
PAGE_HEADER_REACH = 400
MENU_ITEM_MAX_CHARS = 12

# The characters the rules of places described, no works (geo.extract.described), look through around a
# place; each bounded, so that a list of thousands of items stays linear:
MADE_LIST_REACH = 80  # back from a bare 中心 for the 打造 whose list it is in (打造A中心、旅游集散中心)
REPRESENTED_REACH = 120  # after a place for the 为代表 its list closes with (以A公园、B水库等为代表的)
STRATEGIES_REACH = 120  # after a place for the strategies it is listed with (A建设、B建设等国家战略)
FUNCTIONS_LISTED_REACH = 80  # back from a place for the uses of a building listed (使用功能包括A、B及C)
CONTENTS_LISTED_REACH = 80  # back from a place for the 包括 of a project's contents (建设内容包括A、B)
SPACED_QUOTE_REACH = 6  # back from a stem's opening quote to its 的 (成为联系群众的 “连心桥”)
BECOMES_REACH = 40  # back from a role's 的 to the 成为 it completes (成为三省结合部的商贸物流中心)
BECOMES_LIST_REACH = 60  # back from a listed role to its 成为 (成为A中心、B中心)
ENROLMENT_REACH = 80  # either side of a school for a word of its enrolment area (招生范围, 施教区)
SURROUNDINGS_REACH = 120  # either side of a place for what lies around another (新城周边)
FACILITY_CLASS_REACH = 60  # after a list item for the class of facilities its list closes with (等便民设施)
GROWTH_VERB_REACH = 60  # back from a zone or village for the verb of its growth (带动沿线A镇、B镇等集镇的发展)

# Items read after a village or township to the 等地/等处 closing its list (extract.region_lists): a list of
# settlements that long is where works lie; a longer one is left to the other rules.
REGION_LIST_ITEMS = 8
# A counted group's breakdown by place or year right after its count (272个小区(新城区10个,回民区50个):
# count_breakdowns.py): the shares it needs at least, and the characters of a share's place at most.
BREAKDOWN_MIN_SHARES = 2
BREAKDOWN_QUALIFIER_CHARS = 6

# village_roads: the fewest characters of a village's name before 村/屯 (白石村水泥路) that make a generic
# road head after it the village's road.
VILLAGE_ROAD_MIN_NAME = 2

# A county or city name read across a stop word (extract.place_words): its bare form (五家渠 of 五家渠市) is a
# place word only from this many characters (太原, 和平 bare are words of their own; 太原市, 和县 are whole).
PLACE_WORD_MIN_BARE = 3
