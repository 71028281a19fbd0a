package storage

// memEntry is one entry of a Memory backend.
type memEntry struct {
	val    []byte
	expiry int64
}

// Memory is the backend of Broker::MEMORY stores: a map from the key's
// bytes to its entry. Nothing survives the process.
type Memory struct {
	m      map[string]memEntry
	closed bool
}

// NewMemory returns an empty memory backend.
func NewMemory() *Memory { return &Memory{m: map[string]memEntry{}} }

// Get implements Backend.
func (s *Memory) Get(key []byte) ([]byte, int64, bool, error) {
	if s.closed {
		return nil, 0, false, ErrClosed
	}
	e, ok := s.m[string(key)]
	return e.val, e.expiry, ok, nil
}

// Put implements Backend. The backend keeps val; the caller must not
// change it afterwards.
func (s *Memory) Put(key, val []byte, expiry int64) error {
	if s.closed {
		return ErrClosed
	}
	s.m[string(key)] = memEntry{val: val, expiry: expiry}
	return nil
}

// Delete implements Backend.
func (s *Memory) Delete(key []byte) error {
	if s.closed {
		return ErrClosed
	}
	delete(s.m, string(key))
	return nil
}

// Clear implements Backend.
func (s *Memory) Clear() error {
	if s.closed {
		return ErrClosed
	}
	clear(s.m)
	return nil
}

// Each implements Backend.
func (s *Memory) Each(fn func(key, val []byte, expiry int64) bool) error {
	if s.closed {
		return ErrClosed
	}
	for k, e := range s.m {
		if !fn([]byte(k), e.val, e.expiry) {
			break
		}
	}
	return nil
}

// Expiries implements Backend.
func (s *Memory) Expiries(fn func(key []byte, expiry int64)) error {
	if s.closed {
		return ErrClosed
	}
	for k, e := range s.m {
		if e.expiry != 0 {
			fn([]byte(k), e.expiry)
		}
	}
	return nil
}

// Len implements Backend.
func (s *Memory) Len() (int, error) { return len(s.m), nil }

// Commit implements Backend: a memory backend's writes are visible at
// once.
func (s *Memory) Commit() error { return nil }

// Sync implements Backend: there is nothing to make durable.
func (s *Memory) Sync() error { return nil }

// Persistent implements Backend.
func (s *Memory) Persistent() bool { return false }

// DiskBytes implements Backend.
func (s *Memory) DiskBytes() int64 { return 0 }

// Close implements Backend.
func (s *Memory) Close() error {
	s.closed = true
	s.m = nil
	return nil
}
