use super::*;

/// A JPEG as a phone writes it: EXIF with a GPS tag and an orientation,
/// XMP, a comment, an ICC profile, and a second image after the end.
pub(crate) fn phone_jpeg(orientation: u8) -> Vec<u8> {
    let mut plain = Vec::new();
    let pixels = image::RgbImage::from_fn(16, 8, |x, y| image::Rgb([x as u8 * 15, y as u8 * 30, 90]));
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut plain, 90)
        .encode_image(&pixels)
        .unwrap();
    let segment = |marker: u8, data: &[u8]| {
        let mut s = vec![0xFF, marker];
        s.extend(((data.len() + 2) as u16).to_be_bytes());
        s.extend(data);
        s
    };
    // II TIFF: IFD0 with Orientation and a GPS IFD pointer, then GPS data.
    let mut tiff = b"II\x2A\0\x08\0\0\0".to_vec();
    tiff.extend(2u16.to_le_bytes());
    tiff.extend(0x0112u16.to_le_bytes());
    tiff.extend(3u16.to_le_bytes());
    tiff.extend(1u32.to_le_bytes());
    tiff.extend(u32::from(orientation).to_le_bytes());
    tiff.extend(0x8825u16.to_le_bytes());
    tiff.extend(4u32.to_le_bytes());
    tiff.extend(1u32.to_le_bytes());
    tiff.extend(38u32.to_le_bytes());
    tiff.extend(0u32.to_le_bytes());
    tiff.extend(b"GPS 40.4093N 49.8671E secret place\0");
    let mut exif = b"Exif\0\0".to_vec();
    exif.extend(&tiff);
    let mut out = plain[..2].to_vec();
    out.extend(segment(0xE1, &exif));
    out.extend(segment(
        0xE1,
        b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Author: press officer</x:xmpmeta>",
    ));
    out.extend(segment(0xE2, b"ICC_PROFILE\0\x01\x01profile-bytes"));
    out.extend(segment(0xED, b"Photoshop 3.0\08BIM IPTC caption"));
    out.extend(segment(0xFE, b"a comment"));
    out.extend(&plain[2..]);
    out.extend(b"\xFF\xD8 a second image with GPS 40.4093N");
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn a_jpeg_loses_its_metadata_and_keeps_its_pixels_colour_and_orientation() {
    let original = phone_jpeg(6);
    let stripped = strip(&original).unwrap();
    for secret in [&b"GPS"[..], b"xmpmeta", b"IPTC", b"a comment", b"second image"] {
        assert!(contains(&original, secret));
        assert!(
            !contains(&stripped, secret),
            "{}",
            String::from_utf8_lossy(secret)
        );
    }
    assert!(contains(&stripped, b"ICC_PROFILE\0"));
    let decode = |bytes: &[u8]| {
        use image::ImageDecoder;
        let mut decoder = image::ImageReader::new(std::io::Cursor::new(bytes))
            .with_guessed_format()
            .unwrap()
            .into_decoder()
            .unwrap();
        let orientation = decoder.orientation().unwrap();
        (
            orientation,
            image::DynamicImage::from_decoder(decoder).unwrap().to_rgb8(),
        )
    };
    let (before, pixels_before) = decode(&original);
    let (after, pixels_after) = decode(&stripped);
    assert_eq!((before, after), (Orientation::Rotate90, Orientation::Rotate90));
    assert_eq!(pixels_before, pixels_after);
    // Stripping again changes nothing; upright photos carry no EXIF at all.
    assert_eq!(strip(&stripped).unwrap(), stripped);
    assert!(!contains(&strip(&phone_jpeg(1)).unwrap(), b"Exif"));
}

#[test]
fn png_and_webp_lose_their_text_and_exif() {
    let pixels = image::RgbaImage::from_pixel(4, 4, image::Rgba([10, 20, 30, 128]));
    let mut png_bytes = Vec::new();
    pixels
        .write_to(&mut std::io::Cursor::new(&mut png_bytes), image::ImageFormat::Png)
        .unwrap();
    // A tEXt chunk after IHDR (8 + 25 bytes in).
    let text = b"Author\0GPS 40.4093N";
    let mut chunk = (text.len() as u32).to_be_bytes().to_vec();
    chunk.extend(b"tEXt");
    chunk.extend(text);
    chunk.extend(crc32fast::hash(&chunk[4..]).to_be_bytes());
    let mut with_text = png_bytes[..33].to_vec();
    with_text.extend(&chunk);
    with_text.extend(&png_bytes[33..]);
    let stripped = strip(&with_text).unwrap();
    assert!(!contains(&stripped, b"GPS"));
    assert_eq!(stripped, png_bytes);
    assert!(image::load_from_memory(&stripped).is_ok());

    let mut webp_bytes = Vec::new();
    pixels
        .write_to(
            &mut std::io::Cursor::new(&mut webp_bytes),
            image::ImageFormat::WebP,
        )
        .unwrap();
    // As an extended WebP would carry it: an XMP chunk appended.
    let mut extended = webp_bytes.clone();
    extended.extend(b"XMP ");
    extended.extend(10u32.to_le_bytes());
    extended.extend(b"GPS 40.4N\0");
    let size = (extended.len() - 8) as u32;
    extended[4..8].copy_from_slice(&size.to_le_bytes());
    let stripped = strip(&extended).unwrap();
    assert!(!contains(&stripped, b"GPS"));
    assert!(image::load_from_memory(&stripped).is_ok());
}

proptest::proptest! {
    /// Any photo with bytes changed, cut or added: an answer, never a
    /// panic, and what comes out is stripped already.
    #[test]
    fn changed_photos_never_panic_and_strip_once(
        orientation in 1u8..=8,
        changes in proptest::collection::vec((0usize..4000, proptest::num::u8::ANY), 0..6),
        cut in 0usize..4000,
    ) {
        let mut bytes = phone_jpeg(orientation);
        for (at, byte) in changes {
            let at = at % bytes.len();
            bytes[at] = byte;
        }
        bytes.truncate(bytes.len().saturating_sub(cut % 64));
        if let Ok(stripped) = strip(&bytes) {
            proptest::prop_assert_eq!(strip(&stripped), Ok(stripped.clone()));
        }
    }
}

#[test]
fn jfxx_thumbnails_reserved_markers_unknown_chunks_and_gif_comments_go() {
    let original = phone_jpeg(1);
    let segment = |marker: u8, data: &[u8]| {
        let mut s = vec![0xFF, marker];
        s.extend(((data.len() + 2) as u16).to_be_bytes());
        s.extend(data);
        s
    };
    let mut jpeg = original[..2].to_vec();
    jpeg.extend(segment(
        0xE0,
        b"JFIF\0\x01\x01\x00\x00\x48\x00\x48\x01\x01THUMB-GPS",
    ));
    jpeg.extend(segment(0xE0, b"JFXX\0\x10GPS thumbnail"));
    jpeg.extend(segment(0xF0, b"GPS in a reserved marker"));
    jpeg.extend(&original[2..]);
    let stripped = strip(&jpeg).unwrap();
    assert!(!contains(&stripped, b"GPS"));
    assert!(contains(&stripped, b"JFIF\0"));
    assert!(image::load_from_memory(&stripped).is_ok());

    let mut webp = Vec::new();
    image::RgbImage::new(4, 4)
        .write_to(&mut std::io::Cursor::new(&mut webp), image::ImageFormat::WebP)
        .unwrap();
    webp.extend(b"C2PA");
    webp.extend(10u32.to_le_bytes());
    webp.extend(b"GPS 40.4N\0");
    let size = (webp.len() - 8) as u32;
    webp[4..8].copy_from_slice(&size.to_le_bytes());
    assert!(!contains(&strip(&webp).unwrap(), b"GPS"));

    // A 1×1 GIF, as small as they come.
    let gif = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;".to_vec();
    let end = gif.len() - 1; // before the trailer
    let mut commented = gif[..end].to_vec();
    commented.extend(b"\x21\xFE\x0BGPS 40.4093\x00");
    commented.extend(b"\x21\xFF\x0BXMP DataXMP\x04GPS!\x00");
    commented.push(0x3B);
    let stripped = strip(&commented).unwrap();
    assert!(!contains(&stripped, b"GPS"));
    assert_eq!(stripped, gif);

    assert_eq!(
        strip(b"\0\0\0\x1cftypmiaf\0\0\0\0"),
        Err(StripError::Unsupported("AVIF, HEIF or other ISO media"))
    );
    assert_eq!(strip(b"\xff\x0a\0\0"), Err(StripError::Unsupported("JPEG XL")));
    assert_eq!(strip(b"II*\0\x08\0\0\0"), Err(StripError::Unsupported("TIFF")));

    // A PNG whose colour profile is 64 MB of zeros, packed into 64 KB.
    let mut png = Vec::new();
    image::RgbImage::new(2, 2)
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let mut data = b"bomb\0\0".to_vec();
    data.extend(miniz_oxide::deflate::compress_to_vec_zlib(&vec![0; 64 << 20], 10));
    let mut chunk = (data.len() as u32).to_be_bytes().to_vec();
    chunk.extend(b"iCCP");
    chunk.extend(&data);
    chunk.extend(crc32fast::hash(&chunk[4..]).to_be_bytes());
    let mut bomb = png[..33].to_vec();
    bomb.extend(&chunk);
    bomb.extend(&png[33..]);
    assert!(matches!(strip(&bomb), Err(StripError::Malformed(PNG, why)) if why.contains("iCCP")));
}

#[test]
fn files_that_are_cut_short_or_not_images_are_errors() {
    let original = phone_jpeg(1);
    assert!(matches!(
        strip(&original[..original.len() / 2]),
        Err(StripError::Malformed(JPEG, _))
    ));
    assert_eq!(strip(b"<html>not a photo</html>"), Err(StripError::Unknown));
    assert!(strip(&[0xFF, 0xD8, 0xFF, 0xE0, 0x00]).is_err());
    assert!(strip(b"RIFF\xff\xff\xff\x7fWEBPVP8 ").is_err());
    assert!(strip(b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR").is_err());
    // Any prefix of a real file is an error, never a panic.
    for end in 0..original.len() {
        let _ = strip(&original[..end]);
    }
}
