package org.tastemap.io;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A process for {@link TempFileCleanupTest} that stops in the middle of a save ({@code save FILE})
 * or an export ({@code export DIR}), with its temporary file or staging folder in place, prints
 * "writing" and waits to be signalled.
 */
public final class TempFileHolder {
    private TempFileHolder() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[1]);
        if (args[0].equals("save")) {
            AtomicFileWrite.write(target, ch -> {
                ch.write(ByteBuffer.wrap(new byte[4096]));
                holdForever();
            });
        } else {
            FactorExport.exportAll(ExportTestModels.small(), target, (task, done, total) -> {
                if (task.equals(FactorExport.USER_FACTORS_TSV)) {
                    holdForever();
                }
            }, () -> false);
        }
    }

    private static void holdForever() {
        System.out.println("writing");
        System.out.flush();
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
