package io.berth.core.plugin.verify;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes ZIP archives byte by byte, so tests can make the hostile ones no ZIP library writes: lying sizes, duplicate
 * names, names with {@code ..}, local headers that contradict the central directory, entries sharing data.
 */
final class RawZip {

    /** One entry; change its fields to lie. */
    static final class Entry {
        String name;
        String localName;
        byte[] data;
        boolean deflate = true;
        long declaredSize;
        int flags;
        /** Compressed bytes to write instead of deflating {@code data} (which then only feeds the CRC). */
        byte[] compressedOverride;
        /** Index of an earlier entry whose local header and data this entry's directory record points to. */
        int aliasOf = -1;

        Entry stored() {
            deflate = false;
            return this;
        }

        Entry declaredSize(long size) {
            declaredSize = size;
            return this;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    /** Bytes before the first entry, as a self-extracting stub or a polyglot file has them. */
    byte[] prefix = new byte[0];

    Entry add(String name, byte[] data) {
        Entry entry = new Entry();
        entry.name = name;
        entry.localName = name;
        entry.data = data;
        entry.declaredSize = data.length;
        entries.add(entry);
        return entry;
    }

    RawZip with(String name, String text) {
        add(name, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        long[] offsets = new long[entries.size()];
        byte[][] compressed = new byte[entries.size()][];
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            compressed[i] = e.compressedOverride != null ? e.compressedOverride : e.deflate ? deflate(e.data) : e.data;
            if (e.aliasOf >= 0) {
                offsets[i] = offsets[e.aliasOf];
                continue;
            }
            offsets[i] = out.size();
            byte[] name = e.localName.getBytes(StandardCharsets.UTF_8);
            u32(out, 0x04034b50);
            header(out, e, compressed[i].length, name.length);
            out.writeBytes(name);
            out.writeBytes(compressed[i]);
        }
        int directory = out.size();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            byte[] name = e.name.getBytes(StandardCharsets.UTF_8);
            u32(out, 0x02014b50);
            u16(out, 20);
            header(out, e, compressed[i].length, name.length);
            u16(out, 0); // comment length
            u16(out, 0); // disk
            u16(out, 0); // internal attributes
            u32(out, 0); // external attributes
            u32(out, offsets[i]);
            out.writeBytes(name);
        }
        int end = out.size();
        u32(out, 0x06054b50);
        u16(out, 0);
        u16(out, 0);
        u16(out, entries.size());
        u16(out, entries.size());
        u32(out, end - directory);
        u32(out, directory);
        u16(out, 0);
        return out.toByteArray();
    }

    /** The fields local header and directory record share, from "version needed" to "extra length". */
    private static void header(ByteArrayOutputStream out, Entry e, int compressedSize, int nameLength) {
        CRC32 crc = new CRC32();
        crc.update(e.data);
        u16(out, 20);
        u16(out, e.flags | 0x0800);
        u16(out, e.deflate ? 8 : 0);
        u16(out, 0);
        u16(out, 0x21);
        u32(out, crc.getValue());
        u32(out, compressedSize);
        u32(out, e.declaredSize);
        u16(out, nameLength);
        u16(out, 0);
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** {@code size} zero bytes, deflated without ever holding them in memory. */
    static byte[] deflatedZeros(long size) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        byte[] zeros = new byte[1024 * 1024];
        byte[] buffer = new byte[64 * 1024];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long left = size; left > 0; left -= zeros.length) {
            deflater.setInput(zeros, 0, (int) Math.min(zeros.length, left));
            while (!deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xff);
        out.write(value >>> 8 & 0xff);
    }

    private static void u32(ByteArrayOutputStream out, long value) {
        u16(out, (int) (value & 0xffff));
        u16(out, (int) (value >>> 16 & 0xffff));
    }
}
