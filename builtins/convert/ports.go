package convert

import (
	"gobro/runtime/interp"
	"gobro/runtime/value"
)

func init() {
	interp.Register("port_to_count", func(_ *interp.Call, a []value.Value) value.Value {
		n, _ := a[0].AsPort()
		return value.Count(uint64(n))
	})
	interp.Register("count_to_port", bifCountToPort)
	interp.Register("to_port", bifToPort)
	interp.Register("is_tcp_port", isProto(value.TCP))
	interp.Register("is_udp_port", isProto(value.UDP))
	interp.Register("is_icmp_port", isProto(value.ICMP))
	interp.Register("get_port_transport_proto", func(_ *interp.Call, a []value.Value) value.Value {
		_, p := a[0].AsPort()
		// transport_proto's names are declared in the order of Proto.
		return value.Enum(int64(p))
	})
}

func isProto(want value.Proto) interp.Builtin {
	return func(_ *interp.Call, a []value.Value) value.Value {
		_, p := a[0].AsPort()
		return value.Bool(p == want)
	}
}

// makePort builds a port as Bro's PortVal does: a number of 65536 or
// more becomes 0.
func makePort(num uint64, p value.Proto) value.Value {
	if num >= 65536 {
		num = 0
	}
	return value.Port(uint32(num), p)
}

func bifCountToPort(_ *interp.Call, args []value.Value) value.Value {
	p := value.Proto(args[1].AsInt())
	if p > value.ICMP {
		p = value.Unknown
	}
	return makePort(args[0].AsCount(), p)
}

// bifToPort reads "N/proto" as Bro 2.6 does: strtol for the number,
// then the protocol name after the one character that ends it.
func bifToPort(c *interp.Call, args []value.Value) value.Value {
	s := args[0].AsString()
	var port int64
	if len(s) < 10 {
		text := checkString(c, s)
		var used int
		port, used = strtol(text)
		if used < len(text) {
			switch text[used+1:] {
			case "tcp":
				return makePort(uint64(port), value.TCP)
			case "udp":
				return makePort(uint64(port), value.UDP)
			case "icmp":
				return makePort(uint64(port), value.ICMP)
			}
		}
	}
	c.BuiltinError(`wrong port format, must be /[0-9]{1,5}\/(tcp|udp|icmp)/`)
	return makePort(uint64(port), value.Unknown)
}
