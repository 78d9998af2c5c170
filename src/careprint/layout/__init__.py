"""Layout: plain content and geometry in, PDF pages out (ReportLab)."""
