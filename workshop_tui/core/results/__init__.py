"""Every figure the room or management sees, computed once here and read by every shell."""
