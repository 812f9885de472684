// Placeholder replaced by the benchmark helper.
print("rolegraph-bench")
