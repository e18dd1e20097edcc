"""geo: map the spatial projects of a Chinese district government work report (政府工作报告), per 街道."""

__version__ = "0.1.0"
