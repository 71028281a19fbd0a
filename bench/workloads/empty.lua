-- Nothing: the cost of starting the engine.
print(0)
