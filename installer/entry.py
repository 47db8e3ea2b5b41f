"""The frozen program's entry point (PyInstaller): ``mpp-desk``, or ``mpp-central`` when called by that name."""

import multiprocessing
import sys
from pathlib import Path

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the kiosk's and board's supervisor start the screen in a child process
    if Path(sys.argv[0]).name.lower().startswith("mpp-central"):  # /usr/bin/mpp-central links to this binary
        from mpp_desk.server.cli import main
    else:
        from mpp_desk.cli import main
    sys.exit(main())
