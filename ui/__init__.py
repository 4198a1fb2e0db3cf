"""The Qt desktop layer of CCHC Desktop: thin widgets bound to ``cchc_desktop``."""
