import sys

from pmr_print.cli import main

sys.exit(main())
