// Package storage holds the backends of Broker data stores: byte-keyed
// maps whose entries carry an optional expiry time. The store logic
// (what put, increment or insert_into_set do to a value, when an entry
// expires, when a query may be answered) lives in builtins/broker; a
// backend only keeps encoded keys and values.
//
// Two backends exist: Memory, a Go map, for Broker::MEMORY; and Badger,
// a directory of github.com/dgraph-io/badger/v4, for the persistent
// backend types. Writes go into the current group, which Commit ends
// (after Commit, other readers of the directory, and a restarted
// process, see the group); Sync makes what was committed survive a
// machine crash. Commit is cheap and runs on the caller's goroutine;
// Sync waits for the disk and may run on another goroutine, concurrently
// with further writes.
package storage

import "errors"

// Backend is the storage of one master store. Except for Sync and Stats,
// its methods are called from one goroutine at a time.
type Backend interface {
	// Get returns the value and expiry time of key; ok is false where
	// the key is absent. The value is the caller's to keep.
	Get(key []byte) (val []byte, expiry int64, ok bool, err error)
	// Put sets key to val, expiring at expiry (Unix nanoseconds; 0 for
	// never).
	Put(key, val []byte, expiry int64) error
	// Delete removes key; an absent key is no error.
	Delete(key []byte) error
	// Clear removes every entry.
	Clear() error
	// Each calls fn for every entry, in no particular order, until fn
	// returns false. Writes made before the call are seen. fn must not
	// keep key or val.
	Each(fn func(key, val []byte, expiry int64) bool) error
	// Expiries calls fn for every entry that has an expiry time.
	Expiries(fn func(key []byte, expiry int64)) error
	// Len returns the number of entries.
	Len() (int, error)
	// Commit ends the current group of writes.
	Commit() error
	// Sync makes every committed group durable. It may be called from
	// any goroutine, also while other methods run.
	Sync() error
	// Persistent reports whether the backend keeps data across
	// restarts, so that acknowledging a write must wait for Sync.
	Persistent() bool
	// DiskBytes returns the size of the backend's files (0 in memory).
	DiskBytes() int64
	// Close commits, syncs and releases the backend.
	Close() error
}

// ErrClosed is returned by a backend used after Close.
var ErrClosed = errors.New("store closed")
