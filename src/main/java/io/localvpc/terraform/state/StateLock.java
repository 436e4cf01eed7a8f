package io.localvpc.terraform.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.UUID;

/**
 * The state lock of a working directory, as Terraform's local backend takes it: an operating
 * system lock on {@code .terraform.tfstate.lock.info}, whose content says who holds it. A second
 * apply on the same directory fails with "Error acquiring the state lock" instead of writing
 * the state file concurrently.
 */
public final class StateLock implements AutoCloseable {
    public static final String FILE_NAME = ".terraform.tfstate.lock.info";

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** Thrown when another process (or command) holds the lock. */
    public static final class LockedException extends RuntimeException {
        public LockedException(String message) {
            super(message);
        }
    }

    /**
     * Takes the lock for {@code operation} (e.g. {@code OperationTypeApply}) or fails with
     * {@link LockedException} carrying Terraform's explanation and the holder's lock info.
     */
    public static StateLock acquire(Path dir, String operation) {
        Path path = dir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = Files.readString(path, StandardCharsets.UTF_8);
                channel.close();
                throw new LockedException(message(holder, dir.resolve(StateFile.FILE_NAME)));
            }
            ObjectNode info = StateFile.json().createObjectNode();
            info.put("ID", UUID.randomUUID().toString());
            info.put("Operation", operation);
            info.put("Info", "");
            info.put("Who", System.getProperty("user.name") + "@" + hostName());
            info.put("Version", StateFile.TERRAFORM_VERSION);
            info.put("Created", Instant.now().toString());
            info.put("Path", StateFile.FILE_NAME);
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(StateFile.json().writeValueAsBytes(info)), 0);
            channel.force(true);
            return new StateLock(path, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Error acquiring the state lock: " + e.getMessage(), e);
        }
    }

    private static String message(String holderJson, Path statePath) {
        StringBuilder out = new StringBuilder("Error message: resource temporarily unavailable\nLock Info:\n");
        try {
            JsonNode info = StateFile.json().readTree(holderJson);
            for (String field : new String[] {"ID", "Path", "Operation", "Who", "Version", "Created", "Info"}) {
                String value = info == null ? "" : info.path(field).asText("");
                if (field.equals("Path") && value.isEmpty()) {
                    value = statePath.getFileName().toString();
                }
                out.append("  ").append(String.format("%-11s", field + ":")).append(value).append('\n');
            }
        } catch (IOException e) {
            out.append("  (lock info unreadable)\n");
        }
        out.append("\nTerraform acquires a state lock to protect the state from being written\n"
                + "by multiple users at the same time. Please resolve the issue above and try\n"
                + "again. For most commands, you can disable locking with the \"-lock=false\"\n"
                + "flag, but this is not recommended.");
        return out.toString();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing to undo: the lock was never taken.
            }
        }
    }

    /** Releases the lock and removes the info file, as Terraform does on unlock. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
