"""bands.py: the span-of-control bands shared by the peer benchmark scripts
(nx_analyze.py, ig_analyze.py); the same bands orgraph reports."""

BANDS = (("1", 1, 1), ("2-3", 2, 3), ("4-7", 4, 7), ("8-12", 8, 12),
         ("13-16", 13, 16), ("17+", 17, None))


def band(span):
    """The name of the band a span of control falls in, or None for 0."""
    for name, lo, hi in BANDS:
        if span >= lo and (hi is None or span <= hi):
            return name
    return None
