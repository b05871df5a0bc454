//! An original photo without its metadata, losslessly: the compressed image
//! data is copied byte for byte, and what a camera, a phone or an editing
//! tool wrote beside it goes (EXIF with its GPS position, serial numbers and
//! thumbnail; XMP; IPTC; comments; text chunks; extra images after the
//! JPEG's end, such as a phone's depth or gain map). Kept: what the pixels
//! need to be shown as the author saw them: the ICC colour profile, JFIF's
//! and Adobe's colour headers, PNG's colour and transparency chunks, and the
//! EXIF orientation alone, written anew, so that a phone's portrait photo
//! stays upright in browsers.
//!
//! A file these rules cannot walk (cut short, or not the format its name
//! says) is an error: a browser would show it broken too.

use image::metadata::Orientation;

/// Why an original could not be stripped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StripError {
    #[error("it is not a JPEG, PNG, WebP or GIF file (its first bytes say otherwise)")]
    Unknown,
    #[error("it is a {0} file, whose metadata (EXIF, XMP) this step cannot remove: publish it as JPEG, PNG or WebP")]
    Unsupported(&'static str),
    #[error("it is not a well-formed {0}: {1}")]
    Malformed(&'static str, &'static str),
}

/// `bytes` without metadata (the same bytes when there was none).
pub fn strip(bytes: &[u8]) -> Result<Vec<u8>, StripError> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        jpeg(bytes)
    } else if bytes.starts_with(PNG_SIGNATURE) {
        png(bytes)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        webp(bytes)
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        gif(bytes)
    } else if let Some(format) = unstrippable(bytes) {
        Err(StripError::Unsupported(format))
    } else {
        Err(StripError::Unknown)
    }
}

/// `true` when `bytes` start as an image this module strips (JPEG, PNG,
/// WebP, GIF), whatever the file's name says (`.jfif`, `.jpe`…).
pub fn is_strippable(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xD8, 0xFF])
        || bytes.starts_with(PNG_SIGNATURE)
        || (bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP")
        || bytes.starts_with(b"GIF8")
}

/// The name of an image format that carries metadata this module cannot
/// remove (TIFF, AVIF, HEIF), if `bytes` start as one.
pub fn unstrippable(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        return Some("TIFF");
    }
    if bytes.starts_with(&[0xFF, 0x0A]) || bytes.starts_with(b"\0\0\0\x0cJXL ") {
        return Some("JPEG XL");
    }
    // Any ISO media file (AVIF, HEIF, whatever its brand): EXIF and XMP ride in its boxes.
    (bytes.get(4..8) == Some(b"ftyp")).then_some("AVIF, HEIF or other ISO media")
}

/// An EXIF block (TIFF, big-endian) that says only `orientation`.
fn orientation_exif(orientation: Orientation) -> Vec<u8> {
    let mut tiff = b"MM\0\x2A".to_vec();
    tiff.extend(8u32.to_be_bytes()); // the first IFD, right after this header
    tiff.extend(1u16.to_be_bytes()); // one entry:
    tiff.extend(0x0112u16.to_be_bytes()); // Orientation,
    tiff.extend(3u16.to_be_bytes()); // a SHORT,
    tiff.extend(1u32.to_be_bytes()); // one of them,
    tiff.extend(u16::from(orientation.to_exif()).to_be_bytes());
    tiff.extend([0, 0]); // (the value's field is four bytes)
    tiff.extend(0u32.to_be_bytes()); // no next IFD
    tiff
}

/// The orientation an EXIF block (TIFF data) says, if it turns the image.
fn turning(tiff: &[u8]) -> Option<Orientation> {
    Orientation::from_exif_chunk(tiff).filter(|o| *o != Orientation::NoTransforms)
}

const JPEG: &str = "JPEG";

fn jpeg(bytes: &[u8]) -> Result<Vec<u8>, StripError> {
    let bad = |why| StripError::Malformed(JPEG, why);
    let mut segments = Vec::new(); // (marker, segment with its length bytes)
    let mut orientation = None;
    let mut i = 2;
    let image_data = loop {
        // A marker: 0xFF (any number of them, as fill), then its code.
        if bytes.get(i) != Some(&0xFF) {
            return Err(bad("a segment does not start where the one before ends"));
        }
        while bytes.get(i) == Some(&0xFF) {
            i += 1;
        }
        let marker = *bytes.get(i).ok_or(bad("it is cut short"))?;
        i += 1;
        if matches!(marker, 0x01 | 0xD0..=0xD7) {
            continue; // markers without a segment
        }
        if matches!(marker, 0xD8 | 0xD9) {
            return Err(bad("it has no image data"));
        }
        let length = bytes
            .get(i..i + 2)
            .map(|b| usize::from(u16::from_be_bytes([b[0], b[1]])))
            .ok_or(bad("it is cut short"))?;
        let segment = bytes
            .get(i..i + length)
            .filter(|_| length >= 2)
            .ok_or(bad("it is cut short"))?;
        i += length;
        let data = &segment[2..];
        if marker == 0xE1 {
            if let Some(tiff) = data.strip_prefix(b"Exif\0\0") {
                orientation = orientation.or(turning(tiff));
            }
        }
        if marker == 0xE0 && data.starts_with(b"JFIF\0") && data.len() >= 14 {
            // JFIF's density, without its thumbnail (a second picture).
            let mut jfif = segment[..16].to_vec();
            jfif[..2].copy_from_slice(&16u16.to_be_bytes());
            jfif[14] = 0;
            jfif[15] = 0;
            segments.push((marker, std::borrow::Cow::Owned(jfif)));
        } else if keeps_jpeg_segment(marker, data) {
            segments.push((marker, std::borrow::Cow::Borrowed(segment)));
        }
        if marker == 0xDA {
            break i; // the first scan's data follows
        }
    };
    let mut out = vec![0xFF, 0xD8];
    let mut wrote_orientation = orientation.is_none();
    for (marker, segment) in segments {
        if !wrote_orientation && marker != 0xE0 {
            let mut app1 = b"Exif\0\0".to_vec();
            app1.extend(orientation_exif(orientation.unwrap_or(Orientation::NoTransforms)));
            out.extend([0xFF, 0xE1]);
            out.extend(((app1.len() + 2) as u16).to_be_bytes());
            out.extend(app1);
            wrote_orientation = true;
        }
        out.extend([0xFF, marker]);
        out.extend(segment.iter());
    }
    // The entropy-coded data, and the segments between scans (a progressive
    // JPEG's tables and scan headers), up to the end of the image: anything
    // after it (a second image, a depth map, an appended file) goes.
    let mut i = image_data;
    let mut copied_from = i;
    loop {
        let at = i + bytes
            .get(i..)
            .ok_or(bad("it is cut short"))?
            .iter()
            .position(|&b| b == 0xFF)
            .ok_or(bad("it is cut short: it has no end"))?;
        let mut code_at = at + 1;
        while bytes.get(code_at) == Some(&0xFF) {
            code_at += 1;
        }
        let code = *bytes.get(code_at).ok_or(bad("it is cut short: it has no end"))?;
        match code {
            0x00 | 0xD0..=0xD7 => i = code_at + 1, // a stuffed 0xFF or a restart marker: data
            0xD9 => {
                out.extend(&bytes[copied_from..=code_at]);
                return Ok(out);
            }
            _ => {
                // A segment between scans: kept if it is a table or a scan header.
                let start = code_at + 1;
                let length = bytes
                    .get(start..start + 2)
                    .map(|b| usize::from(u16::from_be_bytes([b[0], b[1]])))
                    .filter(|&length| length >= 2 && start + length <= bytes.len())
                    .ok_or(bad("it is cut short"))?;
                let keep = keeps_jpeg_segment(code, &bytes[start + 2..start + length]);
                out.extend(&bytes[copied_from..at]);
                if keep {
                    out.extend(&bytes[at..start + length]);
                }
                i = start + length;
                copied_from = i;
            }
        }
    }
}

/// The JPEG segments kept: what decoding needs (tables, frame and scan
/// headers, restart interval), the ICC colour profile and Adobe's colour
/// transform. Everything else goes: EXIF, XMP, IPTC, comments, JFXX
/// thumbnails, MPF image lists, and the reserved markers anything may use.
fn keeps_jpeg_segment(marker: u8, data: &[u8]) -> bool {
    match marker {
        // frames, DHT, DAC, scans, DQT, DNL, DRI, DHP, EXP
        0xC0..=0xC7 | 0xC9..=0xCF | 0xDA..=0xDF => true,
        0xE2 => data.starts_with(b"ICC_PROFILE\0"),
        0xEE => data.starts_with(b"Adobe"),
        _ => false,
    }
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// `true` when an iCCP chunk's profile (a name, a NUL, the method, then
/// zlib data) unpacks to at most 4 MiB (real profiles are a few KB to a
/// few hundred): a decoder unpacks it whole before the first pixel, outside
/// any pixel budget.
fn profile_fits(data: &[u8]) -> bool {
    const MAX_PROFILE: usize = 4 << 20;
    let Some(nul) = data.iter().take(80).position(|&b| b == 0) else {
        return false;
    };
    let compressed = data.get(nul + 2..).unwrap_or_default();
    miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(compressed, MAX_PROFILE).is_ok()
}
const PNG: &str = "PNG";

/// The chunks a PNG keeps: the image, its colour and transparency, its
/// pixel density, an animation's frames. Any other critical chunk (whose
/// name starts with a capital) is kept too, since a decoder needs it.
const PNG_KEPT: [&[u8; 4]; 15] = [
    b"tRNS", b"cHRM", b"gAMA", b"iCCP", b"sBIT", b"sRGB", b"cICP", b"mDCv", b"cLLi", b"bKGD", b"pHYs",
    b"acTL", b"fcTL", b"fdAT", b"hIST",
];

fn png(bytes: &[u8]) -> Result<Vec<u8>, StripError> {
    let bad = |why| StripError::Malformed(PNG, why);
    let mut chunks = Vec::new(); // (type, whole chunk)
    let mut orientation = None;
    let mut i = PNG_SIGNATURE.len();
    loop {
        let length = bytes
            .get(i..i + 4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
            .ok_or(bad("it is cut short: it has no end"))?;
        let chunk = bytes.get(i..i + 12 + length).ok_or(bad("it is cut short"))?;
        let kind: [u8; 4] = chunk[4..8].try_into().unwrap_or_default();
        i += 12 + length;
        if &kind == b"eXIf" {
            orientation = orientation.or(turning(&chunk[8..8 + length]));
        }
        if &kind == b"iCCP" && !profile_fits(&chunk[8..8 + length]) {
            return Err(bad(
                "its colour profile (iCCP) unpacks to more than 4 MB: a decompression bomb",
            ));
        }
        if kind[0].is_ascii_uppercase() || PNG_KEPT.contains(&&kind) {
            chunks.push((kind, chunk));
        }
        if &kind == b"IEND" {
            break;
        }
    }
    let mut out = PNG_SIGNATURE.to_vec();
    let mut wrote_orientation = orientation.is_none();
    for (kind, chunk) in chunks {
        // eXIf goes before the image data.
        if !wrote_orientation && (&kind == b"IDAT" || &kind == b"IEND") {
            let exif = orientation_exif(orientation.unwrap_or(Orientation::NoTransforms));
            out.extend((exif.len() as u32).to_be_bytes());
            let start = out.len();
            out.extend(b"eXIf");
            out.extend(&exif);
            let crc = crc32fast::hash(&out[start..]);
            out.extend(crc.to_be_bytes());
            wrote_orientation = true;
        }
        out.extend(chunk);
    }
    Ok(out)
}

const WEBP: &str = "WebP";

fn webp(bytes: &[u8]) -> Result<Vec<u8>, StripError> {
    let bad = |why| StripError::Malformed(WEBP, why);
    let declared = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]) as usize;
    let end = declared
        .checked_add(8)
        .filter(|&end| end <= bytes.len())
        .ok_or(bad("it is cut short"))?;
    let mut chunks = Vec::new(); // (fourcc, whole chunk with padding)
    let mut orientation = None;
    let mut i = 12;
    while i < end {
        let size = bytes
            .get(i + 4..i + 8)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
            .ok_or(bad("it is cut short"))?;
        let padded = size + (size & 1);
        let chunk = bytes
            .get(i..i + 8 + padded)
            .filter(|_| i + 8 + padded <= end)
            .ok_or(bad("it is cut short"))?;
        let fourcc: [u8; 4] = chunk[..4].try_into().unwrap_or_default();
        i += 8 + padded;
        match &fourcc {
            b"EXIF" => {
                let data = &chunk[8..8 + size];
                // Some writers put JPEG's "Exif\0\0" before the TIFF data.
                orientation = orientation.or(turning(data.strip_prefix(b"Exif\0\0").unwrap_or(data)));
            }
            // The image, its alpha, animation and colour profile; nothing else
            // (XMP, C2PA manifests, any chunk a tool invented).
            b"VP8 " | b"VP8L" | b"VP8X" | b"ALPH" | b"ANIM" | b"ANMF" | b"ICCP" => {
                chunks.push((fourcc, chunk.to_vec()))
            }
            _ => {}
        }
    }
    let mut out = b"RIFF\0\0\0\0WEBP".to_vec();
    for (fourcc, mut chunk) in chunks {
        if &fourcc == b"VP8X" {
            let flags = chunk.get_mut(8).ok_or(bad("its VP8X header is cut short"))?;
            // EXIF (0x08) and XMP (0x04) are gone; EXIF again if the orientation stays.
            *flags &= !0x0C;
            if orientation.is_some() {
                *flags |= 0x08;
            }
        }
        out.extend(chunk);
    }
    if let Some(orientation) = orientation {
        let exif = orientation_exif(orientation);
        out.extend(b"EXIF");
        out.extend((exif.len() as u32).to_le_bytes());
        out.extend(&exif); // 26 bytes: even, no padding
    }
    let size = (out.len() - 8) as u32;
    out[4..8].copy_from_slice(&size.to_le_bytes());
    Ok(out)
}

const GIF: &str = "GIF";

/// A GIF without its comments and application blocks (XMP rides in one),
/// keeping the frames' timing and the animation's loop count.
fn gif(bytes: &[u8]) -> Result<Vec<u8>, StripError> {
    let bad = |why| StripError::Malformed(GIF, why);
    let short = || bad("it is cut short");
    let table = |flags: u8| {
        if flags & 0x80 != 0 {
            3usize << ((flags & 7) + 1)
        } else {
            0
        }
    };
    // Data sub-blocks from `i`: where they end (after the 0 that closes them).
    let blocks = |mut i: usize| -> Result<usize, StripError> {
        loop {
            let size = usize::from(*bytes.get(i).ok_or(short())?);
            i += 1 + size;
            if size == 0 {
                return if i <= bytes.len() { Ok(i) } else { Err(short()) };
            }
        }
    };
    let mut i = 13 + table(*bytes.get(10).ok_or(short())?);
    let mut out = bytes.get(..i).ok_or(short())?.to_vec();
    loop {
        match *bytes.get(i).ok_or(bad("it is cut short: it has no end"))? {
            0x3B => {
                out.push(0x3B);
                return Ok(out);
            }
            0x2C => {
                let flags = *bytes.get(i + 9).ok_or(short())?;
                let end = blocks(i + 10 + table(flags) + 1)?; // after the LZW code size
                out.extend(&bytes[i..end]);
                i = end;
            }
            0x21 => {
                let label = *bytes.get(i + 1).ok_or(short())?;
                let end = blocks(i + 2)?;
                let application = bytes.get(i + 3..i + 14).unwrap_or_default();
                let keep = match label {
                    0xF9 => true, // a frame's timing and transparency
                    0xFF => application == b"NETSCAPE2.0" || application == b"ANIMEXTS1.0",
                    _ => false, // comments, plain text, anything else
                };
                if keep {
                    out.extend(&bytes[i..end]);
                }
                i = end;
            }
            _ => return Err(bad("a block does not start where the one before ends")),
        }
    }
}

#[cfg(test)]
mod tests;
