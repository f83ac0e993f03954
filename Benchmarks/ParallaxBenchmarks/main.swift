// Placeholder: the pipeline benchmark lands here (see Benchmarks/README.md).
print("no benchmarks yet")
