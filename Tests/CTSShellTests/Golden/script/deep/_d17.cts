echo bottom
