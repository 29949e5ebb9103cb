package tcptutor.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds pcapng files block by block for reader tests (pcapng spec, draft-ietf-opsawg-pcapng). */
final class PcapngBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder order;

    PcapngBuilder(ByteOrder order) {
        this.order = order;
        ByteBuffer b = buf(16);
        b.putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1);
        block(0x0A0D0D0A, b.array());
    }

    private ByteBuffer buf(int n) { return ByteBuffer.allocate(n).order(order); }

    PcapngBuilder block(int type, byte[] body) {
        int padded = (body.length + 3) & ~3;
        ByteBuffer b = buf(12 + padded);
        b.putInt(type).putInt(12 + padded).put(body).position(8 + padded);
        b.putInt(12 + padded);
        out.writeBytes(b.array());
        return this;
    }

    /** An interface; {@code tsresol} -1 leaves the default (microseconds). */
    PcapngBuilder idb(int linkType, int snapLen, int tsresol) {
        ByteBuffer b = buf(tsresol < 0 ? 12 : 24);
        b.putShort((short) linkType).putShort((short) 0).putInt(snapLen);
        if (tsresol >= 0) b.putShort((short) 9).putShort((short) 1).put((byte) tsresol).put(new byte[3]);
        b.putShort((short) 0).putShort((short) 0); // opt_endofopt
        return block(1, b.array());
    }

    PcapngBuilder epb(int iface, long ts, byte[] data, int orig) {
        ByteBuffer b = buf(20 + ((data.length + 3) & ~3));
        b.putInt(iface).putInt((int) (ts >>> 32)).putInt((int) ts).putInt(data.length).putInt(orig).put(data);
        return block(6, b.array());
    }

    PcapngBuilder spb(byte[] data) {
        ByteBuffer b = buf(4 + ((data.length + 3) & ~3));
        b.putInt(data.length).put(data);
        return block(3, b.array());
    }

    byte[] bytes() { return out.toByteArray(); }
}
