package tcptutor.tcp;

/** A growable byte queue: append at the tail, read or drop at the head. */
final class Bytes {
    private byte[] a = new byte[256];
    private int head, tail;

    int size() { return tail - head; }

    void append(byte[] b, int off, int len) {
        if (tail + len > a.length) make(len);
        System.arraycopy(b, off, a, tail, len);
        tail += len;
    }

    /** Copies {@code len} bytes starting {@code offset} bytes after the head. */
    void copy(int offset, byte[] dst, int dstOff, int len) { System.arraycopy(a, head + offset, dst, dstOff, len); }

    byte[] take(int n) {
        byte[] out = new byte[n];
        copy(0, out, 0, n);
        drop(n);
        return out;
    }

    void drop(int n) {
        head += n;
        if (head == tail) head = tail = 0;
    }

    void clear() { head = tail = 0; }

    private void make(int len) {
        int size = size();
        byte[] to = size + len <= a.length / 2 ? a : new byte[Math.max(a.length * 2, size + len)];
        System.arraycopy(a, head, to, 0, size);
        a = to;
        head = 0;
        tail = size;
    }
}
