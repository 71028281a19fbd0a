##! Loaded after init-bare.bro unless gobro runs with -b: the default
##! frameworks. None are written yet.
