"""One module per product, each building a story from the model and writing it as PDF bytes."""
