"""Entry script of the frozen command line (``cchc``) for ``build.spec``; not for daily use."""

from cchc_desktop.cli import main

main()
