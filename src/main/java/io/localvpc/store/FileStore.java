package io.localvpc.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localvpc.model.Change;
import io.localvpc.model.Cloud;
import io.localvpc.model.RegionState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * State on disk: a snapshot ({@code state.json}) plus an append-only journal ({@code journal.bin})
 * of the changes committed since. Each journal record is {@code length, CRC32C, JSON} and is forced
 * to disk before the request that made it is answered. On start the snapshot is loaded, the journal
 * replayed up to the first torn or corrupt record (a crash mid-write), and both are compacted into
 * a new snapshot, written beside the old one and moved over it atomically.
 */
public final class FileStore implements Store {
    private static final TypeReference<List<RegionRecord>> SNAPSHOT = new TypeReference<>() {};

    /** One journal record: the changes of one committed transaction. */
    record Entry(String account, String region, List<Change> changes) {}

    /** One region in the snapshot. */
    record RegionRecord(String account, String region, List<Change> changes) {}

    private final Path dir;
    private final ObjectMapper mapper = Json.mapper();
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileChannel journal;

    public FileStore(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            lockChannel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
            if (lock == null) {
                lockChannel.close();
                throw new IllegalStateException("another LocalVPC is using the data directory " + dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the data directory " + dir, e);
        }
    }

    @Override
    public synchronized Map<Cloud.Key, RegionState> load() {
        try {
            Map<Cloud.Key, RegionState> states = new LinkedHashMap<>();
            Path snapshot = dir.resolve("state.json");
            if (Files.exists(snapshot)) {
                for (RegionRecord r : mapper.readValue(snapshot.toFile(), SNAPSHOT)) {
                    states.put(new Cloud.Key(r.account(), r.region()), RegionState.EMPTY.replay(r.changes()));
                }
            }
            for (Entry e : readJournal(dir.resolve("journal.bin"))) {
                Cloud.Key key = new Cloud.Key(e.account(), e.region());
                states.put(key, states.getOrDefault(key, RegionState.EMPTY).replay(e.changes()));
            }
            writeSnapshot(states);
            journal = FileChannel.open(dir.resolve("journal.bin"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            journal.force(true);
            return states;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load state from " + dir, e);
        }
    }

    private List<Entry> readJournal(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
        }
        ByteBuffer all = ByteBuffer.wrap(Files.readAllBytes(file));
        while (all.remaining() >= 8) {
            int length = all.getInt();
            int crc = all.getInt();
            if (length <= 0 || length > all.remaining()) {
                break; // torn tail: the write that was cut off was never acknowledged
            }
            byte[] json = new byte[length];
            all.get(json);
            CRC32C check = new CRC32C();
            check.update(json);
            if ((int) check.getValue() != crc) {
                break;
            }
            entries.add(mapper.readValue(json, Entry.class));
        }
        return entries;
    }

    private void writeSnapshot(Map<Cloud.Key, RegionState> states) throws IOException {
        List<RegionRecord> records = new ArrayList<>();
        states.forEach((key, state) -> {
            List<Change> changes = new ArrayList<>();
            state.everything().forEach(r -> changes.add(new Change.Put(r)));
            state.allTags().forEach((id, tags) -> changes.add(new Change.Tags(id, tags)));
            records.add(new RegionRecord(key.accountId(), key.region(), changes));
        });
        Path tmp = dir.resolve("state.json.tmp");
        try (FileChannel out = FileChannel.open(tmp,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap(mapper.writeValueAsBytes(records)));
            out.force(true);
        }
        Files.move(tmp, dir.resolve("state.json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // some file systems cannot sync a directory; the rename is still atomic
        }
    }

    @Override
    public synchronized void append(String accountId, String region, List<Change> changes) {
        try {
            byte[] json = mapper.writeValueAsBytes(new Entry(accountId, region, changes));
            CRC32C crc = new CRC32C();
            crc.update(json);
            ByteBuffer frame = ByteBuffer.allocate(8 + json.length);
            frame.putInt(json.length).putInt((int) crc.getValue()).put(json).flip();
            while (frame.hasRemaining()) {
                journal.write(frame);
            }
            journal.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal in " + dir, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (journal != null) {
                journal.close();
            }
            lock.release();
            lockChannel.close();
        } catch (IOException ignored) {
            // closing on the way out; nothing left to protect
        }
    }
}
