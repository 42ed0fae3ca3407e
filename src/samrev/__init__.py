"""samrev: workbench for the national review of HF–municipality collaboration on learning and coping."""

__version__ = "0.1.0"
