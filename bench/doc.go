// Package bench holds gobro's benchmarks. It is a module of its own so that
// whatever it compares gobro against stays out of the main module.
package bench
