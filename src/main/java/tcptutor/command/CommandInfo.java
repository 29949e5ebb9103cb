package tcptutor.command;

/** A command word with its usage line and one line of help, e.g. ("fin", "fin [seq=N] [ack=N]", "send FIN+ACK"). */
public record CommandInfo(String name, String usage, String help) {}
