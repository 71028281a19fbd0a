package broker

import "gobro/builtins/broker/storage"

// SetOpenBackend replaces how persistent backends are opened, for the
// tests of package broker_test; it returns the previous way.
func SetOpenBackend(f func(path string) (storage.Backend, error)) func(path string) (storage.Backend, error) {
	old := openBackend
	openBackend = f
	return old
}
