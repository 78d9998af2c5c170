"""Drawing pages: documents and page numbers, the fast path (seeding and replay), fonts, the
content-keyed cache, and the one module that touches ReportLab's private parts."""

from reportlab import rl_config

# PDF streams stay binary: ASCII85 text (ReportLab's default, for 7-bit channels no PDF passes
# through any more) makes every page a quarter larger and slower to write and read
rl_config.useA85 = 0
