"""geo: map the spatial projects of a Chinese district government work report (政府工作报告), per 街道."""

import os

__version__ = "0.1.0"

# No stage does linear algebra large enough for BLAS threads (the tagger and the record model
# multiply small arrays): numpy need not start a pool of them, which costs a run some 40 ms.
for _variable in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

# The extractor's patterns hold the class of Chinese characters some 140 times; CPython would
# spend 0.1 s of every start-up compiling it (geo.regex_charsets).
from geo import regex_charsets as _regex_charsets  # noqa: E402

_regex_charsets.install()
