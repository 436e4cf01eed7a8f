package io.localvpc.dataplane.shell;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An interactive {@code sh} on a pseudo-terminal, as a remote login shows it. The client's terminal
 * is raw and does not echo (Session Manager's plugin sets {@code cbreak -echo}), so this side does
 * what the kernel's line discipline and readline would: it echoes what is typed, edits the line
 * (Backspace, Ctrl-U, Ctrl-C), keeps a history (Up/Down arrows), and on Enter runs the line and
 * prints its output with {@code \r\n} line ends, then the prompt. Other escape sequences and
 * control keys are swallowed rather than echoed as garbage.
 *
 * <p>Not thread-safe: one caller feeds keys in order. Output is returned as bytes, never written
 * anywhere, so the protocol around it decides how to carry it.
 */
public final class Terminal {
    /** Runs one command line on the instance. */
    @FunctionalInterface
    public interface LineRunner {
        Shell.LineResult run(String line);
    }

    private static final byte CTRL_C = 0x03;
    private static final byte CTRL_D = 0x04;
    private static final byte BACKSPACE = 0x08;
    private static final byte TAB = 0x09;
    private static final byte LF = 0x0a;
    private static final byte CR = 0x0d;
    private static final byte CTRL_U = 0x15;
    private static final byte ESC = 0x1b;
    private static final byte DEL = 0x7f;
    private static final byte[] ERASE_ONE = {BACKSPACE, ' ', BACKSPACE};

    /** Where an escape sequence ({@code ESC [ params final}) being typed has got to. */
    private enum Escape { NONE, ESC, CSI }

    private final String prompt;
    private final LineRunner runner;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final List<String> history = new ArrayList<>();
    private int historyIndex;
    private Escape escape = Escape.NONE;
    private boolean afterCr;
    private boolean exited;
    private int lastStatus;

    public Terminal(String prompt, LineRunner runner) {
        this.prompt = prompt;
        this.runner = runner;
    }

    /** What a fresh login shows: an empty line, then the prompt. */
    public byte[] start() {
        return ("\r\n" + prompt).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the shell has exited ({@code exit}, or Ctrl-D on an empty line); it then takes no more keys. */
    public boolean exited() {
        return exited;
    }

    /** The status the shell exited with (that of {@code exit n}, else of the last command). */
    public int exitStatus() {
        return lastStatus;
    }

    /** Feeds typed bytes; answers what the terminal shows in return (echo, command output, prompts). */
    public byte[] type(byte[] keys) {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        for (byte key : keys) {
            if (exited) {
                break;
            }
            boolean wasAfterCr = afterCr;
            afterCr = key == CR;
            if (escape != Escape.NONE) {
                escapeKey(key, screen);
            } else if (key == CR || (key == LF && !wasAfterCr)) {
                enter(screen);
            } else if (key == LF) {
                continue; // the LF of a CR LF pair: one Enter
            } else {
                key(key, screen);
            }
        }
        return screen.toByteArray();
    }

    private void key(byte key, ByteArrayOutputStream screen) {
        switch (key) {
            case DEL, BACKSPACE -> eraseLast(screen);
            case CTRL_C -> {
                write(screen, "^C\r\n" + prompt);
                line.reset();
                historyIndex = history.size();
            }
            case CTRL_U -> replaceLine("", screen);
            case CTRL_D -> {
                if (line.size() == 0) {
                    write(screen, "exit\r\n");
                    exited = true;
                }
            }
            case ESC -> escape = Escape.ESC;
            case TAB -> { } // no completion on this shell
            default -> {
                // Other control keys (Ctrl-Z, Ctrl-\ ...) do nothing at a prompt; text is echoed.
                if ((key & 0xff) >= 0x20) {
                    line.write(key);
                    screen.write(key);
                }
            }
        }
    }

    private void escapeKey(byte key, ByteArrayOutputStream screen) {
        if (escape == Escape.ESC) {
            escape = key == '[' || key == 'O' ? Escape.CSI : Escape.NONE;
            return;
        }
        if (key >= 0x40 && key <= 0x7e) { // the final byte ends the sequence
            escape = Escape.NONE;
            if (key == 'A' && historyIndex > 0) {
                historyIndex--;
                replaceLine(history.get(historyIndex), screen);
            } else if (key == 'B' && historyIndex < history.size()) {
                historyIndex++;
                replaceLine(historyIndex == history.size() ? "" : history.get(historyIndex), screen);
            }
        }
    }

    private void enter(ByteArrayOutputStream screen) {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        write(screen, "\r\n");
        if (!text.isBlank()) {
            history.add(text);
            Shell.LineResult ran = runner.run(text);
            write(screen, crlf(ran.result().stdout() + ran.result().stderr()));
            lastStatus = ran.result().exitCode();
            if (ran.exited()) {
                write(screen, "exit\r\n");
                exited = true;
                return;
            }
        }
        historyIndex = history.size();
        write(screen, prompt);
    }

    /** Erases the last character (all bytes of a UTF-8 one) from the line and the screen. */
    private void eraseLast(ByteArrayOutputStream screen) {
        byte[] bytes = line.toByteArray();
        int end = bytes.length;
        if (end == 0) {
            return;
        }
        int start = end - 1;
        while (start > 0 && (bytes[start] & 0xc0) == 0x80) {
            start--;
        }
        line.reset();
        line.write(bytes, 0, start);
        screen.writeBytes(ERASE_ONE);
    }

    private void replaceLine(String text, ByteArrayOutputStream screen) {
        String current = line.toString(StandardCharsets.UTF_8);
        int shown = current.codePointCount(0, current.length());
        for (int i = 0; i < shown; i++) {
            screen.writeBytes(ERASE_ONE);
        }
        line.reset();
        line.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        write(screen, text);
    }

    /** Text as a terminal receives it from a program: every line ending as {@code \r\n} (the pty's ONLCR). */
    public static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    private static void write(ByteArrayOutputStream screen, String text) {
        screen.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
