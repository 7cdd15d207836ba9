import sys

from civreg.cli import main

sys.exit(main())
