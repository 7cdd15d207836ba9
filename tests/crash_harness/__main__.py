import sys

from tests.crash_harness.harness import main

sys.exit(main())
