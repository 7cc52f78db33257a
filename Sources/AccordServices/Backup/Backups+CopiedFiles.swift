import Foundation
import Logging

extension Backups {
    /// The files a restore may copy into a files folder and that the folder did not hold before: what a failed
    /// restore removes again. They are named by their digest, so a file of that name written into the folder by
    /// anyone else meanwhile would hold the same bytes; the restore's target is a new installation's folder.
    struct CopiedFiles {
        /// The files folder.
        let folder: String
        /// Whether the folder existed before the restore (a copy creates it otherwise).
        let folderExisted: Bool
        /// The names, among the backup's files, that the folder did not hold.
        let names: [String]

        /// Notes which of the files of the backup's folder `source` the folder at `folder` lacks.
        init(from source: String, into folder: String) throws {
            let manager = FileManager.default
            self.folder = folder
            var isFolder: ObjCBool = false
            folderExisted = manager.fileExists(atPath: folder, isDirectory: &isFolder)
            // Names starting with a dot are never a kept file, and a copy never writes one under that name. An entry
            // of the folder is there before, whatever it is (a link included), and is never taken out.
            names = try manager.contentsOfDirectory(atPath: source).filter { name in
                !name.hasPrefix(".")
                    && (try? manager.attributesOfItem(atPath: (folder as NSString).appendingPathComponent(name))) == nil
            }
        }

        /// Removes the files the restore copied, and the folder if the restore made it and it is empty again; what
        /// cannot be removed is logged, the restore's own error being the one to report.
        func remove(logger: Logger) {
            let manager = FileManager.default
            for name in names {
                let path = (folder as NSString).appendingPathComponent(name)
                guard (try? manager.attributesOfItem(atPath: path)) != nil else { continue }
                do {
                    try manager.removeItem(atPath: path)
                } catch {
                    logger.error(
                        "restore failed; a file it copied could not be removed",
                        metadata: ["file": "\(path)", "error": "\(error)"])
                }
            }
            if !folderExisted, (try? manager.contentsOfDirectory(atPath: folder))?.isEmpty == true {
                try? manager.removeItem(atPath: folder)
            }
        }
    }
}
