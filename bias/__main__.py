"""``python -m bias``: the same as the ``bias`` command."""

import sys

from bias.cli import main

sys.exit(main())
