"""Templates and stylesheets of the reports (package data)."""
