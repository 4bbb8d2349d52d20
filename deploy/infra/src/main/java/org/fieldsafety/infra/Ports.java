package org.fieldsafety.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Free TCP ports on loopback, below the ephemeral range so no outgoing connection can take them. */
public final class Ports {

    private Ports() {}

    public static int free() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20000, 32000);
            if (isFree(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port found between 20000 and 32000");
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
