"""``python -m cchc_desktop`` runs the ``cchc`` command line."""

from cchc_desktop.cli import main

main()
