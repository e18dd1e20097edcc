"""geo: map the spatial projects of a Chinese district government work report (政府工作报告), per 街道."""

import os

__version__ = "0.1.0"

# No stage does linear algebra large enough for BLAS threads (the tagger and the record model
# multiply small arrays): numpy need not start a pool of them, which costs a run some 40 ms.
for _variable in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
