"""pmr-print: print-ready Progressive Muscle Relaxation materials."""
