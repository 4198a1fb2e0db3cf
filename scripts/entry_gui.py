"""Entry script of the frozen GUI (``cchc-desktop``) for ``build.spec``; not for daily use."""

from ui.app import main

main()
