// Makes rtx-rst.pcap with a real Linux kernel over 127.0.0.1 (see README.md): run as root in a network namespace of
// its own, with tcpdump already capturing `tcp port 45680` on its lo. The client's first data segment (300 bytes) is
// dropped once at the server's input hook (nftables), after tcpdump saw it, so the kernel retransmits it; later the
// server closes and the client's data after that gets a RST.
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

public class RtxRst {
    static void nft(String rules) throws Exception {
        if (new ProcessBuilder("nft", rules).inheritIO().start().waitFor() != 0) throw new IllegalStateException("nft " + rules);
    }

    static String read(InputStream in, int n) throws Exception {
        byte[] b = in.readNBytes(n);
        return new String(b, StandardCharsets.US_ASCII);
    }

    public static void main(String[] a) throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(45680, 50, lo); Socket client = new Socket()) {
            client.connect(new InetSocketAddress(lo, 45680));
            Socket conn = server.accept();
            String request = "hello ".repeat(50);
            nft("add table ip drill; add chain ip drill in { type filter hook input priority 0; };"
                    + " add rule ip drill in tcp dport 45680 ip length > 200 drop");
            try {
                client.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                Thread.sleep(30);
            } finally {
                nft("delete table ip drill");
            }
            System.out.println("server read " + read(conn.getInputStream(), request.length()).length() + " bytes");
            conn.getOutputStream().write("world".getBytes(StandardCharsets.US_ASCII));
            System.out.println("client read " + read(client.getInputStream(), 5));
            conn.close();
            System.out.println("client read " + client.getInputStream().read() + " (end of file)");
            Thread.sleep(50);
            client.getOutputStream().write("more".getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(50);
        }
    }
}
