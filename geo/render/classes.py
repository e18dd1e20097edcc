"""Class breaks for the choropleths: Fisher-Jenks natural breaks, labels and sequential palettes."""

from __future__ import annotations

MAX_CLASSES = 5
# Sequential palettes (ColorBrewer YlOrRd and Blues, 5 classes), light to dark; written out
# rather than taken from branca colormaps, which pull d3 from a CDN.
PROJECT_PALETTE = ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"]
ROAD_PALETTE = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]
NO_DATA_COLOUR = "#d9d9d9"
KM_DECIMALS = 3  # km to the metre, as coverage.csv gives them


def classify(values, *, integer):
    """Class breaks for a choropleth: Fisher-Jenks with k <= 5, or one class per value when few.

    Parameters
    ----------
    values : sequence of float
        One value per mapped unit.
    integer : bool
        Format labels as whole numbers.

    Returns
    -------
    dict
        ``{"bins": upper bounds, "labels": legend texts, "rule": how they were chosen}``.
    """
    distinct = sorted(set(values))
    if not distinct:
        return {"bins": [0], "labels": ["0"], "rule": "no data"}
    if len(distinct) <= MAX_CLASSES:
        return {"bins": distinct, "labels": [_fmt(v, integer) for v in distinct],
                "rule": f"classes: one per distinct value ({len(distinct)} values ≤ {MAX_CLASSES})"}
    bins = fisher_jenks_breaks(values, MAX_CLASSES)
    labels = []
    low = distinct[0]
    for upper in bins:
        labels.append(f"{_fmt(low, integer)}–{_fmt(upper, integer)}" if upper != low else _fmt(upper, integer))
        above = [v for v in distinct if v > upper]
        low = above[0] if above else upper
    return {"bins": bins, "labels": labels, "rule": f"classes: Fisher-Jenks natural breaks, k={len(bins)}"}


def class_index(value, bins) -> int:
    """Index of the class ``value`` falls in (bins are upper bounds)."""
    for i, upper in enumerate(bins):
        if value <= upper + 1e-9:
            return i
    return len(bins) - 1


def class_colours(palette, n) -> list:
    """n colours spread over a 5-colour sequential palette (light to dark)."""
    if n <= 1:
        return [palette[0]]
    return [palette[round(i * (len(palette) - 1) / (n - 1))] for i in range(n)]


def fisher_jenks_breaks(values, k):
    """Exact Fisher-Jenks natural breaks: upper bounds of ``k`` classes minimising within-class variance.

    The same optimum as ``mapclassify.FisherJenks`` (deterministic, unlike k-means based
    NaturalBreaks), computed by dynamic programming over the sorted values. Written here
    because importing mapclassify pulls in scipy and scikit-learn and would double the
    time of ``geo build``; a few dozen 街道 need no more than this.
    """
    import numpy as np

    x = np.sort(np.asarray(values, dtype=float))
    n = len(x)
    k = min(k, len(np.unique(x)))
    if k <= 1:
        return [float(x[-1])]
    prefix = np.concatenate([[0.0], np.cumsum(x)])
    prefix_sq = np.concatenate([[0.0], np.cumsum(x * x)])

    def sse(i, j):  # squared deviations of x[i:j] around its mean
        total = prefix[j] - prefix[i]
        return prefix_sq[j] - prefix_sq[i] - total * total / (j - i)

    inf = float("inf")
    cost = [[inf] * (n + 1) for _ in range(k + 1)]
    split = [[0] * (n + 1) for _ in range(k + 1)]
    cost[0][0] = 0.0
    for classes in range(1, k + 1):
        for end in range(classes, n + 1):
            for start in range(classes - 1, end):
                value = cost[classes - 1][start] + sse(start, end)
                if value < cost[classes][end] - 1e-12:
                    cost[classes][end], split[classes][end] = value, start
    bounds, end = [], n
    for classes in range(k, 0, -1):
        bounds.append(float(x[end - 1]))
        end = split[classes][end]
    return sorted(bounds)


def _fmt(value, integer):
    """A class bound as the tooltips and coverage.csv write the values: whole numbers, or km to the metre
    (a label rounded coarser than them put a value outside its own class: 4.462 in '0.00–4.46')."""
    return str(int(round(value))) if integer else f"{value:.{KM_DECIMALS}f}"
