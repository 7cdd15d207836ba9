import sys

from civreg.intake.main import main

sys.exit(main())
