"""The samrev web app (Django): admin now, review and verification views later."""
